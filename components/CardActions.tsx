/**
 * The card's one action: "Not this person". It removes the link for this
 * mention (undoable), then offers to hide the entity on this site (undoable).
 * Only clicks the reader made count: a page script that clicks into our open
 * shadow root (`isTrusted` false) changes nothing.
 */
import { useState } from 'preact/hooks';
import type { Entity } from '../data/dataset-schema';

export type CardActionHandlers = {
  onDismissMention(mention: Element): void;
  onRestoreMention(mention: Element): void;
  onHideOnSite(entityId: string): Promise<void>;
  onShowOnSite(entityId: string): Promise<void>;
  /** The site's host name, for the button label. */
  host: string;
};

const NOT_THIS: Record<Entity['kind'], string> = {
  person: 'Not this person',
  organization: 'Not this organization',
  place: 'Not this place',
  event: 'Not this event',
};

type Step = 'linked' | 'dismissed' | 'hidden-on-site';

function trusted(handler: () => void) {
  return (event: MouseEvent) => {
    if (event.isTrusted) handler();
  };
}

export function CardActions({
  entity,
  mention,
  handlers,
}: {
  entity: Entity;
  mention: Element;
  handlers: CardActionHandlers;
}) {
  const [step, setStep] = useState<Step>('linked');
  if (step === 'linked') {
    return (
      <div class="bs-actions">
        <button
          type="button"
          class="bs-action"
          onClick={trusted(() => {
            handlers.onDismissMention(mention);
            setStep('dismissed');
          })}
        >
          {NOT_THIS[entity.kind]}
        </button>
      </div>
    );
  }
  if (step === 'dismissed') {
    return (
      <div class="bs-actions" role="status">
        <span class="bs-actions__note">Link removed here.</span>
        <button
          type="button"
          class="bs-action"
          onClick={trusted(() => {
            handlers.onRestoreMention(mention);
            setStep('linked');
          })}
        >
          Undo
        </button>
        <button
          type="button"
          class="bs-action"
          onClick={trusted(
            () =>
              void handlers
                .onHideOnSite(entity.id)
                .then(() => setStep('hidden-on-site')),
          )}
        >
          Hide {entity.name} on {handlers.host}
        </button>
      </div>
    );
  }
  return (
    <div class="bs-actions" role="status">
      <span class="bs-actions__note">
        {entity.name} is hidden on {handlers.host}.
      </span>
      <button
        type="button"
        class="bs-action"
        onClick={trusted(
          () =>
            void handlers.onShowOnSite(entity.id).then(() => setStep('linked')),
        )}
      >
        Undo
      </button>
    </div>
  );
}
