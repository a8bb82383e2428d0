package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelLoader;
import io.spinemet.efficacy.scoring.Prediction;
import io.spinemet.efficacy.scoring.Scorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The memo of rendered single predictions: same bytes as rendering afresh, keyed by everything, bounded. */
class RenderedPredictionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FIVE = List.of("malnutrition", "poorPerformanceStatus",
            "metastasisDuringChemotherapy", "targetedTherapy", "postoperativeRadiotherapy");
    private static Map<Procedure, LoadedModel> models;

    private final AtomicInteger writes = new AtomicInteger();

    @BeforeAll
    static void load() throws ModelLoader.ModelLoadException {
        models = ModelLoader.load(ModelLoader.directory(Path.of("models")));
    }

    private byte[] write(Prediction prediction) {
        writes.incrementAndGet();
        try {
            return MAPPER.writeValueAsBytes(prediction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] fresh(LoadedModel model, Map<String, Object> values) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(Scorer.predict(model, values));
    }

    /** The five booleans of both models set from the bits of {@code mask}, in catalogue-independent order. */
    private static Map<String, Object> patient(int mask) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int bit = 0; bit < FIVE.size(); bit++) {
            values.put(FIVE.get(bit), (mask >> bit & 1) == 1);
        }
        return values;
    }

    @Test
    void everyPvpInputRendersAsAfreshTwice() throws JsonProcessingException {
        RenderedPredictions memo = new RenderedPredictions(1024, this::write);
        LoadedModel pvp = models.get(Procedure.PVP);
        for (int round = 0; round < 2; round++) {
            for (int mask = 0; mask < 32; mask++) {
                assertArrayEquals(fresh(pvp, patient(mask)), memo.render(pvp, patient(mask)), "mask " + mask);
            }
        }
        assertEquals(32, writes.get(), "each input written once");
        assertEquals(32, memo.size());
    }

    @Test
    void keyedByModelAndByIgnoredInputsToo() throws JsonProcessingException {
        RenderedPredictions memo = new RenderedPredictions(1024, this::write);
        Map<String, Object> values = patient(0b10101);
        values.put("frankelGrade", "B");
        LoadedModel pvp = models.get(Procedure.PVP);
        LoadedModel decompression = models.get(Procedure.DECOMPRESSION);
        byte[] forPvp = memo.render(pvp, values);
        byte[] forDecompression = memo.render(decompression, values);
        assertArrayEquals(fresh(pvp, values), forPvp);
        assertArrayEquals(fresh(decompression, values), forDecompression);
        assertFalse(new String(forPvp).equals(new String(forDecompression)));

        Map<String, Object> otherGrade = new LinkedHashMap<>(values);
        otherGrade.put("frankelGrade", "A");
        // Frankel A and B share the decompression design row but are echoed as sent; for PVP it is ignored.
        assertArrayEquals(fresh(decompression, otherGrade), memo.render(decompression, otherGrade));
        Map<String, Object> withoutIgnored = patient(0b10101);
        assertArrayEquals(fresh(pvp, withoutIgnored), memo.render(pvp, withoutIgnored));
        assertEquals(4, memo.size());
    }

    @Test
    void aChangedInputMapDoesNotChangeTheHeldKey() throws JsonProcessingException {
        RenderedPredictions memo = new RenderedPredictions(1024, this::write);
        LoadedModel pvp = models.get(Procedure.PVP);
        Map<String, Object> values = patient(0);
        byte[] first = memo.render(pvp, values);
        values.put("malnutrition", true);
        assertArrayEquals(fresh(pvp, values), memo.render(pvp, values));
        assertSame(first, memo.render(pvp, patient(0)));
        assertEquals(2, writes.get());
    }

    @Test
    void theSameValuesInAnotherOrderGiveTheSameAnswer() throws JsonProcessingException {
        RenderedPredictions memo = new RenderedPredictions(1024, this::write);
        LoadedModel pvp = models.get(Procedure.PVP);
        Map<String, Object> values = patient(0b01101);
        values.put("frankelGrade", "C");
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(values.keySet());
        java.util.Collections.reverse(ids);
        ids.forEach(id -> reversed.put(id, values.get(id)));
        byte[] first = memo.render(pvp, values);
        assertArrayEquals(first, memo.render(pvp, reversed));
        assertArrayEquals(fresh(pvp, reversed), memo.render(pvp, reversed));
    }

    @Test
    void boundedWithoutEviction() throws JsonProcessingException {
        RenderedPredictions memo = new RenderedPredictions(3, this::write);
        LoadedModel pvp = models.get(Procedure.PVP);
        List<byte[]> firstThree = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            byte[] json = memo.render(pvp, patient(mask));
            assertArrayEquals(fresh(pvp, patient(mask)), json);
            if (mask < 3) {
                firstThree.add(json);
            }
        }
        assertEquals(3, memo.size());
        for (int mask = 0; mask < 3; mask++) {
            assertSame(firstThree.get(mask), memo.render(pvp, patient(mask)), "held input " + mask);
        }
        assertNotSame(memo.render(pvp, patient(7)), memo.render(pvp, patient(7)), "over capacity: rendered afresh");
    }

    @Test
    void capacityZeroRendersEveryTime() {
        RenderedPredictions memo = new RenderedPredictions(0, this::write);
        LoadedModel pvp = models.get(Procedure.PVP);
        memo.render(pvp, patient(3));
        memo.render(pvp, patient(3));
        assertEquals(2, writes.get());
        assertEquals(0, memo.size());
        assertThrows(IllegalArgumentException.class, () -> new RenderedPredictions(-1, this::write));
    }
}
