package bhr.assistant.reader;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import java.util.List;

/**
 * Fits a conditional logit: for each question, the probability that the chosen candidate states the answer is the
 * softmax of the candidates' scores, and the fit maximises the probability mass on the candidates that do (any of
 * them). This learns to choose among one question's sentences, where an ordinary logistic regression would learn
 * to judge sentences one by one against all others. Damped Newton steps (halved until the penalised likelihood
 * improves) with the candidates' score covariance as the curvature and a small L2 penalty; deterministic.
 */
final class ConditionalLogitFit {

    private static final int MAX_ITERATIONS = 100;
    private static final double CONVERGED = 1e-8;

    /** One question's candidates: their feature rows, which of them state the answer, and how much the question counts. */
    record Group(List<double[]> rows, boolean[] positive, double weight) {
    }

    private ConditionalLogitFit() {
    }

    /** The penalised log-likelihood at a point, with its gradient and curvature. */
    private record Evaluation(double objective, RealVector gradient, RealMatrix hessian) {
    }

    static LinearModel fit(List<String> features, List<Group> groups, double penalty) {
        int d = features.size();
        for (Group group : groups) {
            for (double[] row : group.rows()) {
                for (int j = 0; j < d; j++) {
                    if (!Double.isFinite(row[j])) {
                        throw new IllegalArgumentException("feature " + features.get(j) + " is " + row[j]);
                    }
                }
            }
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        standardisation(groups, d, mean, scale);
        double[][][] z = new double[groups.size()][][];
        for (int g = 0; g < groups.size(); g++) {
            List<double[]> rows = groups.get(g).rows();
            z[g] = new double[rows.size()][d];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < d; j++) {
                    z[g][i][j] = (rows.get(i)[j] - mean[j]) / scale[j];
                }
            }
        }
        double lambda = penalty * groups.stream().mapToDouble(Group::weight).sum();
        RealVector beta = new ArrayRealVector(d);
        Evaluation current = evaluate(groups, z, beta, lambda, true);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            RealVector step = new CholeskyDecomposition(current.hessian()).getSolver().solve(current.gradient());
            RealVector next = beta.add(step);
            Evaluation trial = evaluate(groups, z, next, lambda, false);
            for (int halvings = 0; !(trial.objective() >= current.objective()) && halvings < 40; halvings++) {
                step = step.mapMultiply(0.5);
                next = beta.add(step);
                trial = evaluate(groups, z, next, lambda, false);
            }
            beta = next;
            current = evaluate(groups, z, beta, lambda, true);
            if (step.getLInfNorm() < CONVERGED) {
                break;
            }
        }
        return new LinearModel(features, mean, scale, beta.toArray(), 0);
    }

    private static Evaluation evaluate(List<Group> groups, double[][][] z, RealVector beta, double lambda, boolean derivatives) {
        int d = beta.getDimension();
        RealMatrix hessian = derivatives ? new Array2DRowRealMatrix(d, d) : null;
        RealVector gradient = derivatives ? new ArrayRealVector(d) : null;
        double objective = -0.5 * lambda * beta.dotProduct(beta);
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double[][] rows = z[g];
            int n = rows.length;
            double[] score = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    score[i] += beta.getEntry(j) * rows[i][j];
                }
                max = Math.max(max, score[i]);
            }
            double[] all = new double[n];
            double sumAll = 0;
            double sumPositive = 0;
            for (int i = 0; i < n; i++) {
                all[i] = Math.exp(score[i] - max);
                sumAll += all[i];
                sumPositive += group.positive()[i] ? all[i] : 0;
            }
            double w = group.weight();
            objective += w * (Math.log(sumPositive) - Math.log(sumAll));
            if (!derivatives) {
                continue;
            }
            double[] expectedAll = new double[d];
            double[] expectedPositive = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    expectedAll[j] += all[i] / sumAll * rows[i][j];
                    if (group.positive()[i]) {
                        expectedPositive[j] += all[i] / sumPositive * rows[i][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                gradient.addToEntry(j, w * (expectedPositive[j] - expectedAll[j]));
            }
            for (int i = 0; i < n; i++) {
                double p = all[i] / sumAll;
                for (int j = 0; j < d; j++) {
                    double dj = rows[i][j] - expectedAll[j];
                    for (int k = j; k < d; k++) {
                        hessian.addToEntry(j, k, w * p * dj * (rows[i][k] - expectedAll[k]));
                    }
                }
            }
        }
        if (derivatives) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian.setEntry(j, k, hessian.getEntry(k, j));
                }
                hessian.addToEntry(j, j, lambda);
                gradient.addToEntry(j, -lambda * beta.getEntry(j));
            }
        }
        return new Evaluation(objective, gradient, hessian);
    }

    private static void standardisation(List<Group> groups, int d, double[] mean, double[] scale) {
        double count = 0;
        for (Group group : groups) {
            for (double[] row : group.rows()) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j];
                }
                count++;
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= count;
        }
        for (Group group : groups) {
            for (double[] row : group.rows()) {
                for (int j = 0; j < d; j++) {
                    scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            double deviation = Math.sqrt(scale[j] / count);
            scale[j] = deviation < 1e-9 ? 1 : deviation;
        }
    }
}
