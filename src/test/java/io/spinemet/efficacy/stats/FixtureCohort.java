package io.spinemet.efficacy.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test-only reader of the reference cohorts in src/test/resources/reference: builds the design matrix
 * as the R reference did (intercept; 0/1 predictors as is; primaryTumorGrowth with reference SLOW as the
 * dummies "primaryTumorGrowth=MODERATE" and "primaryTumorGrowth=RAPID"; vertebraeInvolved linear).
 */
final class FixtureCohort {
    static final String GROWTH = "primaryTumorGrowth";
    static final List<String> GROWTH_LEVELS = List.of("SLOW", "MODERATE", "RAPID");

    final List<CSVRecord> records;
    final double[] y;

    private FixtureCohort(List<CSVRecord> records) {
        this.records = records;
        this.y = records.stream().mapToDouble(r -> Double.parseDouble(r.get("goodEfficacy"))).toArray();
    }

    static FixtureCohort load(String name) {
        try (InputStream in = resource(name + ".csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            return new FixtureCohort(format.parse(reader).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected(String name) {
        try (InputStream in = resource(name + ".expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = FixtureCohort.class.getResourceAsStream("/reference/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + file);
        }
        return in;
    }

    /** Design-matrix column names for the predictors, "(Intercept)" first. */
    static List<String> terms(List<String> predictors) {
        List<String> terms = new ArrayList<>();
        terms.add("(Intercept)");
        for (String v : predictors) {
            if (v.equals(GROWTH)) {
                GROWTH_LEVELS.stream().skip(1).forEach(l -> terms.add(GROWTH + "=" + l));
            } else {
                terms.add(v);
            }
        }
        return terms;
    }

    /** R's name of a design column ("primaryTumorGrowthRAPID") to the project's ("primaryTumorGrowth=RAPID"). */
    static String projectTerm(String rTerm) {
        return rTerm.startsWith(GROWTH) && rTerm.length() > GROWTH.length() ? GROWTH + "=" + rTerm.substring(GROWTH.length()) : rTerm;
    }

    double[][] design(List<String> predictors) {
        double[][] x = new double[records.size()][];
        for (int i = 0; i < x.length; i++) {
            CSVRecord r = records.get(i);
            List<Double> row = new ArrayList<>();
            row.add(1.0);
            for (String v : predictors) {
                if (v.equals(GROWTH)) {
                    String level = r.get(GROWTH);
                    GROWTH_LEVELS.stream().skip(1).forEach(l -> row.add(l.equals(level) ? 1.0 : 0.0));
                } else {
                    row.add(Double.parseDouble(r.get(v)));
                }
            }
            x[i] = row.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return x;
    }

    /** Levels × outcome counts {y = 0, y = 1} of a categorical predictor, levels in the given order. */
    int[][] contingency(String variable, List<String> levels) {
        int[][] t = new int[levels.size()][2];
        for (int i = 0; i < records.size(); i++) {
            int row = levels.indexOf(records.get(i).get(variable));
            if (row < 0) {
                throw new IllegalStateException("unexpected level of " + variable);
            }
            t[row][(int) y[i]]++;
        }
        return t;
    }

    static List<String> predictors(JsonNode expected) {
        List<String> p = new ArrayList<>();
        expected.get("meta").get("predictors").forEach(n -> p.add(n.asText()));
        return p;
    }
}
