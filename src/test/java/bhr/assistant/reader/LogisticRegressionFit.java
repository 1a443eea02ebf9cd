package bhr.assistant.reader;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import java.util.List;

/**
 * Fits a logistic regression by Newton's method (iteratively reweighted least squares) with a small L2 penalty on
 * the standardised features: deterministic, so retraining on the same data gives the same weights to the digit.
 */
final class LogisticRegressionFit {

    private static final int MAX_ITERATIONS = 100;
    private static final double CONVERGED = 1e-9;

    private LogisticRegressionFit() {
    }

    /**
     * @param rows    feature rows
     * @param labels  1 for yes, 0 for no
     * @param weights how much each row counts
     * @param penalty L2 penalty per unit of total row weight
     */
    static LinearModel fit(List<String> features, List<double[]> rows, List<Integer> labels, List<Double> weights, double penalty) {
        int n = rows.size();
        int d = features.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += weights.get(i) * rows.get(i)[j];
            }
            mean[j] = sum / total;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double centred = rows.get(i)[j] - mean[j];
                squares += weights.get(i) * centred * centred;
            }
            double deviation = Math.sqrt(squares / total);
            scale[j] = deviation < 1e-9 ? 1 : deviation;
        }
        double[][] x = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            for (int j = 0; j < d; j++) {
                x[i][j + 1] = (rows.get(i)[j] - mean[j]) / scale[j];
            }
        }
        double lambda = penalty * total;
        RealVector beta = new ArrayRealVector(d + 1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            RealMatrix hessian = new Array2DRowRealMatrix(d + 1, d + 1);
            RealVector gradient = new ArrayRealVector(d + 1);
            for (int i = 0; i < n; i++) {
                double logit = 0;
                for (int j = 0; j <= d; j++) {
                    logit += beta.getEntry(j) * x[i][j];
                }
                double p = 1 / (1 + Math.exp(-logit));
                double w = weights.get(i);
                double residual = w * (labels.get(i) - p);
                double curvature = w * p * (1 - p);
                for (int j = 0; j <= d; j++) {
                    gradient.addToEntry(j, residual * x[i][j]);
                    for (int k = j; k <= d; k++) {
                        hessian.addToEntry(j, k, curvature * x[i][j] * x[i][k]);
                    }
                }
            }
            for (int j = 0; j <= d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian.setEntry(j, k, hessian.getEntry(k, j));
                }
                if (j > 0) { // the intercept is not penalised
                    hessian.addToEntry(j, j, lambda);
                    gradient.addToEntry(j, -lambda * beta.getEntry(j));
                }
            }
            RealVector step = new CholeskyDecomposition(hessian).getSolver().solve(gradient);
            beta = beta.add(step);
            if (step.getLInfNorm() < CONVERGED) {
                break;
            }
        }
        double[] coefficients = new double[d];
        for (int j = 0; j < d; j++) {
            coefficients[j] = beta.getEntry(j + 1);
        }
        return new LinearModel(features, mean, scale, coefficients, beta.getEntry(0));
    }
}
