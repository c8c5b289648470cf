// The legend's layer keys are domain types (src/domain/layers.ts): this name is kept for the store
// and the UI, which import them from here.
export * from '../domain/layers';
