package bhr.assistant.reader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Logistic regression over named features, with each feature standardised by the mean and scale seen in training.
 * The weights are learned by {@code ReaderTraining} (src/test) and read from a plain tab-separated resource, one
 * feature a line, so a reviewer can see what the model weighs and a retraining shows up as a readable diff.
 */
final class LinearModel {

    private final List<String> features;
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;
    private final double threshold;
    private final double structuredThreshold;

    /**
     * @param threshold           the least probability that counts as yes (0.5 unless chosen otherwise)
     * @param structuredThreshold the same for rows about a structured section ({@link Features#ANSWERABILITY_INPUTS})
     */
    LinearModel(List<String> features, double[] mean, double[] scale, double[] weights, double bias, double threshold,
                double structuredThreshold) {
        if (features.size() != mean.length || mean.length != scale.length || scale.length != weights.length) {
            throw new IllegalArgumentException("a weight, mean and scale for every feature");
        }
        this.features = List.copyOf(features);
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
        this.structuredThreshold = structuredThreshold;
    }

    LinearModel(List<String> features, double[] mean, double[] scale, double[] weights, double bias) {
        this(features, mean, scale, weights, bias, 0.5, 0.5);
    }

    double threshold(boolean structured) {
        return structured ? structuredThreshold : threshold;
    }

    LinearModel withThresholds(double plain, double structured) {
        return new LinearModel(features, mean, scale, weights, bias, plain, structured);
    }

    List<String> features() {
        return features;
    }

    double logit(double[] x) {
        double sum = bias;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return sum;
    }

    double probability(double[] x) {
        return 1 / (1 + Math.exp(-logit(x)));
    }

    /**
     * Reads a model written by {@link #write}: comment lines start with '#', then "bias", "threshold" and
     * "threshold.structured", then one line per feature "name mean scale weight" (tab-separated). The features must be exactly those expected, in order:
     * a model trained on other features would silently weigh the wrong numbers.
     */
    static LinearModel read(String resource, List<String> expectedFeatures) {
        InputStream in = LinearModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reader model " + resource + " is missing from the class path");
        }
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        double bias = 0;
        double threshold = 0.5;
        double structuredThreshold = 0.5;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts[0].equals("bias")) {
                    bias = Double.parseDouble(parts[1]);
                } else if (parts[0].equals("threshold")) {
                    threshold = Double.parseDouble(parts[1]);
                } else if (parts[0].equals("threshold.structured")) {
                    structuredThreshold = Double.parseDouble(parts[1]);
                } else {
                    names.add(parts[0]);
                    rows.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading reader model " + resource, e);
        }
        if (!names.equals(expectedFeatures)) {
            throw new IllegalStateException("reader model " + resource + " has features " + names + ", expected " + expectedFeatures
                    + ": retrain it (README, 'Answer quality')");
        }
        return new LinearModel(names, column(rows, 0), column(rows, 1), column(rows, 2), bias, threshold, structuredThreshold);
    }

    /** The model in the format {@link #read} takes, after the given comment lines. */
    String write(List<String> comments) {
        StringBuilder out = new StringBuilder();
        comments.forEach(comment -> out.append("# ").append(comment).append('\n'));
        out.append("# feature\tmean\tscale\tweight (on the standardised feature)\n");
        out.append("bias\t").append(format(bias)).append('\n');
        out.append("threshold\t").append(format(threshold)).append('\n');
        out.append("threshold.structured\t").append(format(structuredThreshold)).append('\n');
        for (int i = 0; i < features.size(); i++) {
            out.append(features.get(i)).append('\t').append(format(mean[i])).append('\t').append(format(scale[i]))
                    .append('\t').append(format(weights[i])).append('\n');
        }
        return out.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static double[] column(List<double[]> rows, int index) {
        return rows.stream().mapToDouble(row -> row[index]).toArray();
    }
}
