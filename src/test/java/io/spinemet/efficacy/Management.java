package io.spinemet.efficacy;

/** URLs of the management interface (health, metrics, OpenAPI) of the service under test; see {@link FreeManagementPort}. */
public final class Management {

    private Management() {
    }

    /** @param path e.g. {@code /q/health/ready} */
    public static String url(String path) {
        String port = System.getProperty("spinemet.test.management-port");
        if (port == null) {
            throw new IllegalStateException("the management port is chosen when the service under test starts");
        }
        return "http://localhost:" + port + path;
    }
}
