# The peer of churn-model.bench.ts: scikit-learn on the same exported matrix, same protocol (5-fold
# stratified out-of-fold scores, then one fit on everything), one model per call so peak memory is
# the model's own. Prints one JSON line. Run by the benchmark with Debian's /usr/bin/python3.
import json, resource, sys, time
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

path, n, p, model, folds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
X = np.fromfile(path + '.X', dtype='<f8').reshape(n, p)
y = np.fromfile(path + '.y', dtype='u1')

def make():
    if model == 'logistic':
        # The workbench's objective: L2 with C = 1 / l2 = 1, intercept unpenalised, no class weights.
        return LogisticRegression(C=1.0, max_iter=1000)
    return HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_depth=3, max_leaf_nodes=None, min_samples_leaf=20,
                                          l2_regularization=1.0, max_bins=255, early_stopping=False, random_state=1)

t0 = time.perf_counter()
c0 = time.process_time()
oof = np.zeros(n)
for tr, te in StratifiedKFold(n_splits=folds, shuffle=True, random_state=1).split(X, y):
    m = make().fit(X[tr], y[tr])
    oof[te] = m.decision_function(X[te])
make().fit(X, y)
seconds = time.perf_counter() - t0
cpu = time.process_time() - c0
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpu, 'auc': roc_auc_score(y, oof), 'peakMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
