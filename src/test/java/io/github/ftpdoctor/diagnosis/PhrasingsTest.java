package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Property;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact phrasings: placeholders, the optional final stop, and bounded matching. */
class PhrasingsTest {
    private static Phrasings of(String... templates) {
        return Phrasings.of(List.of(templates));
    }

    @Test
    void placeholdersStandForTextAndNumbers() {
        Phrasings p = of("too many connections (%lu) from this ip", "%s: no such file or directory");
        assertTrue(p.matches("too many connections (3) from this ip."));
        assertTrue(p.matches("too many connections (3) from this ip"));
        assertFalse(p.matches("too many connections (three) from this ip"));
        assertFalse(p.matches("too many connections (3) from this ip, sorry"));
        assertTrue(p.matches("/pub/a b.txt: no such file or directory"));
        assertFalse(p.matches("/pub/a\nb.txt: no such file or directory"), "a text hole stays on one line");
        assertTrue(of("error %x at {}").matches("error 7fa3 at the end"));
        assertTrue(of("100%% done").matches("100% done"));
        assertTrue(of("deleted %s%s%s").matches("deleted a, b and c"), "adjacent text holes are one");
    }

    @Test
    void filledTemplatesMatchAndChangedLiteralsDoNot() {
        String[] words = {"login", "incorrect", "too", "many", "users", "from", "ip", ":", "(", ")", "-", "連線", "über"};
        String[] holes = {"%s", "%d", "%lu", "{}"};
        Property.forAll("Phrasings", "filled templates", r -> {
            StringBuilder template = new StringBuilder();
            StringBuilder filled = new StringBuilder();
            for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
                String w = words[r.nextInt(words.length)];
                template.append(w).append(' ');
                filled.append(w).append(' ');
                if (r.nextInt(3) == 0) {
                    String h = holes[r.nextInt(holes.length)];
                    template.append(h).append(' ');
                    filled.append(h.equals("%d") || h.equals("%lu") ? String.valueOf(r.nextInt(100_000))
                            : "x" + r.nextInt(99) + " y").append(' ');
                }
            }
            return new String[] {template.toString().strip(), filled.toString().strip()};
        }).seed(0xF1A5EL).tries(20_000).showWith(a -> a[0] + " | " + a[1]).check(a -> {
            Phrasings p = of(a[0]);
            assertTrue(p.matches(a[1]), "filled");
            if (!a[0].endsWith("%s") && !a[0].endsWith("{}")) {
                assertFalse(p.matches(a[1] + " extra"), "a longer text is not the phrasing");
            }
            if (!a[0].startsWith("%s") && !a[0].startsWith("{}")) {
                assertFalse(p.matches("zz " + a[1]), "a text with something before is not the phrasing");
            }
        });
    }

    @Test
    void hostileTextsEndQuickly() {
        Phrasings p = of("%s a %s a %s a %s a %s b");
        String text = "a ".repeat(400) + "c";
        Random r = new Random(1);
        for (int i = 0; i < 50; i++) {
            assertFalse(p.matches(text + r.nextInt(10)));
        }
    }
}
