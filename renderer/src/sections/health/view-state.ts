// The health lists' saved-view state lives in shared/ (pure, tested there).
export * from '../../../../shared/views/health-view';
