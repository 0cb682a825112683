export { mergeFeatureList } from './featureList';
