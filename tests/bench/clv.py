# SciPy reference for `npm run bench -- clv`: the same BG/NBD, Pareto/NBD (lifetimes' hyp2f1 form) and
# Gamma-Gamma log-likelihoods, maximised with scipy.optimize.minimize (BFGS, numerical gradient) on the
# log parameters from the same first start. Reads x,tx,T,m rows; prints one JSON line per fit.
import json, sys, time, resource
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1, logsumexp

path, which = sys.argv[1], sys.argv[2].split(',')
d = np.loadtxt(path, delimiter=',', skiprows=1)
x, tx, T, m = d[:, 0], d[:, 1], d[:, 2], d[:, 3]
n = len(x)
ageMean = T.mean()

def bgnbd(lp):
    r, alpha, a, b = np.exp(lp)
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide='ignore', invalid='ignore'):
        A4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return (A1 + A2 + np.logaddexp(A3, A4)).sum()

def pnbd(lp):
    r, alpha, s, beta = np.exp(lp)
    if alpha < beta:
        mn, mx, t = alpha, beta, r + x
    else:
        mn, mx, t = beta, alpha, s + 1
    ab = mx - mn
    rsf = r + s + x
    p1 = hyp2f1(rsf, t, rsf + 1.0, ab / (mx + tx))
    q1 = mx + tx
    p2 = hyp2f1(rsf, t, rsf + 1.0, ab / (mx + T))
    q2 = mx + T
    with np.errstate(divide='ignore', invalid='ignore'):
        logA0 = logsumexp([np.log(p1) + rsf * np.log(q2), np.log(p2) + rsf * np.log(q1)], axis=0, b=[np.ones(n), -np.ones(n)]) - rsf * np.log(q1 * q2)
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    A2 = np.logaddexp(-(r + x) * np.log(alpha + T) - s * np.log(beta + T), np.log(s) + logA0 - np.log(rsf))
    return (A1 + A2).sum()

rep = (x > 0) & (m > 0)
xg, mg = x[rep], m[rep]
def gg(lp):
    p, q, v = np.exp(lp)
    return (gammaln(p * xg + q) - gammaln(p * xg) - gammaln(q) + q * np.log(v) + (p * xg - 1) * np.log(mg) + p * xg * np.log(xg) - (p * xg + q) * np.log(v + xg * mg)).sum()

starts = {
    'bgnbd': [0.5, ageMean / 4, 1, 2],
    'pnbd': [0.5, ageMean / 4, 0.5, ageMean / 4],
    'gg': [4, 4, mg.mean() if len(mg) else 1],
}
funcs = {'bgnbd': (bgnbd, n), 'pnbd': (pnbd, n), 'gg': (gg, max(1, len(mg)))}
for name in which:
    f, k = funcs[name]
    obj = lambda lp: (-f(lp) / k) if np.all(np.abs(lp) < 30) else np.inf
    t0 = time.perf_counter()
    c0 = time.process_time()
    res = minimize(obj, np.log(starts[name]), method='BFGS', options={'gtol': 1e-8, 'maxiter': 2000})
    ms = (time.perf_counter() - t0) * 1000
    cpu = (time.process_time() - c0) * 1000
    print(json.dumps({'fit': name, 'ms': ms, 'cpuMs': cpu, 'll': float(-res.fun * k), 'params': [float(v) for v in np.exp(res.x)], 'success': bool(res.success), 'peakKb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    sys.stdout.flush()
