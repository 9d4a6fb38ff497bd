// A hostile page: our element names taken with components of its own, DOM and
// built-in prototypes patched to throw, JSON.parse replaced. None of this may
// reach Backstory (content scripts run in an isolated world), and the page
// must keep working.
window.__pageErrors = [];
const attachShadow = Element.prototype.attachShadow;
class Squatter extends HTMLElement {
  constructor() {
    super();
    // A closed shadow root with no slot would hide anything put inside.
    attachShadow.call(this, { mode: 'closed' }).innerHTML = '<b>squatted</b>';
  }
}
customElements.define('backstory-card', class extends Squatter {});
customElements.define('backstory-mention', class extends Squatter {});
const fail = (name) => function () { throw new Error(`page patch: ${name} called`); };
Node.prototype.insertBefore = fail('insertBefore');
Node.prototype.appendChild = fail('appendChild');
Text.prototype.splitText = fail('splitText');
Element.prototype.attachShadow = fail('attachShadow');
Array.prototype.map = fail('map');
Array.prototype.forEach = fail('forEach');
JSON.parse = fail('JSON.parse');
document.createTreeWalker = fail('createTreeWalker');
window.addEventListener('error', (event) => window.__pageErrors.push(String(event.message)));
