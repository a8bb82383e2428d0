package io.spinemet.efficacy.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods each API path accepts, read from the resources' JAX-RS annotations, for the {@code Allow} header
 * that RFC 9110 §15.5.6 requires on a 405 (Quarkus REST does not set it).
 */
final class AllowedMethods {

    private static final List<Class<?>> RESOURCES = List.of(PredictionResource.class, ModelResource.class,
            FactorResource.class);

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final Map<String, Set<String>> BY_TEMPLATE = byTemplate();
    private static final Map<Pattern, String> ALLOW = patterns();

    private AllowedMethods() {
    }

    /** The {@code Allow} value of a request path, if the path belongs to the API. */
    static Optional<String> forPath(String path) {
        for (Map.Entry<Pattern, String> entry : ALLOW.entrySet()) {
            if (entry.getKey().matcher(path).matches()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static Map<String, Set<String>> byTemplate() {
        Map<String, Set<String>> byTemplate = new TreeMap<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = sub == null ? base : base + (sub.value().startsWith("/") ? "" : "/")
                            + sub.value();
                    byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(http);
                }
            }
        }
        // Quarkus REST answers HEAD for every GET and OPTIONS everywhere.
        byTemplate.values().forEach(methods -> {
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
        });
        return byTemplate;
    }

    /** Each template as a pattern (a {@code {parameter}} matches one path segment), with its Allow value. */
    private static Map<Pattern, String> patterns() {
        Map<Pattern, String> patterns = new LinkedHashMap<>();
        BY_TEMPLATE.forEach((template, methods) -> {
            StringBuilder regex = new StringBuilder();
            for (String literal : PARAMETER.split(template, -1)) {
                regex.append(regex.isEmpty() ? "" : "[^/]+").append(Pattern.quote(literal));
            }
            patterns.put(Pattern.compile(regex + "/?"), String.join(", ", methods));
        });
        return patterns;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
