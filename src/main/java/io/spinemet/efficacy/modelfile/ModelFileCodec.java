package io.spinemet.efficacy.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Term;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads, writes and checks model files. Output is deterministic: fields in declaration order, two-space indent,
 * LF line ends and a final newline, so the same model always gives the same bytes.
 */
public final class ModelFileCodec {

    /** Strict: a duplicated key (which value would count?) and content after the model are errors. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ModelFileCodec() {
    }

    public static byte[] write(ModelFile model) {
        try {
            return (WRITER.writeValueAsString(model) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model file record could not be written as JSON", e);
        }
    }

    /**
     * Parses and checks a model file.
     *
     * @throws InvalidModelFileException naming every problem
     */
    public static ModelFile read(String name, byte[] bytes) throws InvalidModelFileException {
        ModelFile model;
        try {
            model = MAPPER.readValue(bytes, ModelFile.class);
        } catch (IOException e) {
            throw new InvalidModelFileException(name, List.of("not a valid model file: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
        }
        List<String> problems = problems(model);
        if (!problems.isEmpty()) {
            throw new InvalidModelFileException(name, problems);
        }
        return model;
    }

    /** Schema checks beyond JSON shape: version, catalogue terms, and a covariance that matches the coefficients. */
    static List<String> problems(ModelFile m) {
        List<String> problems = new ArrayList<>();
        if (m.schemaVersion() != ModelFile.SCHEMA_VERSION) {
            problems.add("schemaVersion " + m.schemaVersion() + " is not supported; expected "
                    + ModelFile.SCHEMA_VERSION);
        }
        require(problems, m.modelId(), "modelId");
        require(problems, m.modelVersion(), "modelVersion");
        require(problems, m.procedure(), "procedure");
        require(problems, m.predictors(), "predictors");
        require(problems, m.coefficients(), "coefficients");
        require(problems, m.covariance(), "covariance");
        require(problems, m.cohort(), "cohort");
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> expectedTerms = new ArrayList<>(List.of(Terms.INTERCEPT));
        for (ModelFile.Predictor p : m.predictors()) {
            Optional<Factor> factor = FactorCatalogue.find(p.factorId());
            if (factor.isEmpty()) {
                problems.add("predictor " + p.factorId() + " is not in the factor catalogue");
                continue;
            }
            if (!factor.get().usedIn(m.procedure())) {
                problems.add("predictor " + p.factorId() + " is not a factor of " + m.procedure().name());
            }
            factor.get().terms().stream().map(Term::name).forEach(expectedTerms::add);
        }
        List<String> coefficientTerms = m.coefficients().stream().map(ModelFile.Coefficient::term).toList();
        if (!coefficientTerms.equals(expectedTerms)) {
            problems.add("coefficient terms " + coefficientTerms + " do not match the predictors' terms "
                    + expectedTerms);
        }
        for (ModelFile.Coefficient c : m.coefficients()) {
            if (c.estimate() == null || !Double.isFinite(c.estimate())) {
                problems.add("coefficient " + c.term() + " has no finite estimate");
            }
        }
        ModelFile.Covariance cov = m.covariance();
        int p = expectedTerms.size();
        if (!expectedTerms.equals(cov.terms()) || cov.matrix().size() != p
                || cov.matrix().stream().anyMatch(row -> row.size() != p || row.stream().anyMatch(
                        v -> v == null || !Double.isFinite(v)))) {
            problems.add("covariance must be a finite " + p + "x" + p + " matrix over the terms " + expectedTerms);
        }
        if (m.cohort().n() <= 0 || m.cohort().events() < 0 || m.cohort().events() > m.cohort().n()) {
            problems.add("cohort n and events are inconsistent");
        }
        if (problems.isEmpty()) {
            problems.addAll(ModelFileTrust.problems(m));
        }
        return problems;
    }

    private static void require(List<String> problems, Object value, String field) {
        if (value == null) {
            problems.add(field + " is missing");
        }
    }

    /** An unusable model file; the service refuses to start with one. */
    public static final class InvalidModelFileException extends Exception {
        public InvalidModelFileException(String name, List<String> problems) {
            super(name + ": " + String.join("; ", problems));
        }
    }
}
