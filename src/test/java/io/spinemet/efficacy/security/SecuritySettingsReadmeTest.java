package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Security settings" table lists every {@code spinemet.security.*} setting of {@link SecuritySettings}
 * with the default the code declares: the settings and defaults are read from the mapping interface by reflection,
 * as SmallRye Config names them (camelCase to kebab-case), so a setting added there without a row fails here.
 */
class SecuritySettingsReadmeTest {

    /** Every property of a config mapping interface with its default ("none" when it has none). */
    static Map<String, String> settings(Class<?> mapping, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        Method[] methods = mapping.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.isSynthetic() || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = prefix + "." + kebab(m.getName());
            Class<?> type = m.getReturnType();
            if (type.isInterface() && !Map.class.isAssignableFrom(type) && type.getEnclosingClass() != null) {
                out.putAll(settings(type, name));
            } else if (Map.class.isAssignableFrom(type)) {
                out.put(name + ".\"<", "none");
            } else {
                WithDefault d = m.getAnnotation(WithDefault.class);
                out.put(name, d == null ? "none" : d.value());
            }
        }
        return out;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The table's rows: the first code span of the first cell, and the second cell. */
    static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Security settings");
        assertTrue(start >= 0, "README has no \"Security settings\" section");
        int end = readme.indexOf("\n#", start + 4);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, String> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("(?m)^\\| `([^`]+)`[^|]*\\| ([^|]+) \\|");
        Matcher m = row.matcher(section);
        while (m.find()) {
            rows.put(m.group(1), m.group(2).trim());
        }
        return rows;
    }

    @Test
    void everySettingIsInTheReadmeWithItsDefault() throws IOException {
        String prefix = SecuritySettings.class.getAnnotation(ConfigMapping.class).prefix();
        Map<String, String> code = settings(SecuritySettings.class, prefix);
        assertTrue(code.containsKey("spinemet.security.rate-limit.requests"), "reflection found " + code.keySet());
        Map<String, String> readme = readmeTable();
        for (Map.Entry<String, String> setting : code.entrySet()) {
            String key = setting.getKey();
            String documented = readme.entrySet().stream().filter(e -> key.endsWith(".\"<")
                            ? e.getKey().startsWith(key) : e.getKey().equals(key))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            assertTrue(documented != null, key + " is missing from the README's security settings table");
            String expected = setting.getValue().equals("none") ? "none" : "`" + setting.getValue() + "`";
            assertEquals(expected, documented, "README default of " + key);
        }
    }
}
