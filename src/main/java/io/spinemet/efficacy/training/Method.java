package io.spinemet.efficacy.training;

import java.util.Locale;

/** The estimator of the served multivariable fit. */
public enum Method {
    /** Firth's penalized likelihood (Firth 1993; Heinze & Schemper 2002): finite under separation. The default. */
    FIRTH("Firth's penalized likelihood (Jeffreys-prior penalty; Firth 1993, Heinze & Schemper 2002); 95% CIs and "
            + "p-values by profile penalized likelihood, as R logistf computes them; standard errors from the "
            + "inverse Fisher information at the estimate"),
    /** Maximum likelihood (IRLS via Smile's GLM), the study's method; diverges under separation. */
    ML("Maximum likelihood (IRLS, Smile GLM, R glm's convergence rule); Wald 95% CIs and Wald p-values");

    private final String description;

    Method(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The lower-case id used on the command line and in model files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
