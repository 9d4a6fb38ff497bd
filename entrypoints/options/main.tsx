import { render } from 'preact';
import datasetJson from '@/data/dataset.json';
import { parseDataset } from '@/data/dataset-schema';
import { App } from './App';
import '@/components/controls.css';
import './style.css';

render(
  <App dataset={parseDataset(datasetJson)} />,
  document.getElementById('app')!,
);
