// The diagnostics section's saved-view state lives in shared/ (pure, tested there).
export * from '../../../../shared/views/diagnostics-view';
