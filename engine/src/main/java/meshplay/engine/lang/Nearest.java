package meshplay.engine.lang;

import java.util.function.ToIntFunction;

/**
 * "Did you mean": the known name closest to a misspelt one. The one search behind suggestions for
 * modules, arguments, keywords, filters, tests, variables and file keys. Closeness is the edit
 * distance; of equally close names, one that holds the typed letters in order wins ("taks" ->
 * "tasks" rather than "tags": a dropped letter is the commonest typo), then the first listed.
 */
public final class Nearest {
    private Nearest() {
    }

    /** The closest candidate within {@link #tolerance} edits, or null. */
    public static String of(String name, Iterable<String> candidates) {
        return of(name, candidates, tolerance(name));
    }

    /** The closest candidate within {@code maxDistance} edits, or null. */
    public static String of(String name, Iterable<String> candidates, int maxDistance) {
        // twice the edit distance, plus one without the letters in order: equally close names are ordered by that
        return of(candidates, candidate -> 2 * editDistance(name, candidate) + (isSubsequence(name, candidate) ? 0 : 1),
                2 * maxDistance + 1);
    }

    /** The candidate with the smallest {@code distance} if that is at most {@code maxDistance} (the first of equals), or null. */
    public static String of(Iterable<String> candidates, ToIntFunction<String> distance, int maxDistance) {
        String best = null;
        int bestDistance = maxDistance + 1;
        for (String candidate : candidates) {
            int d = distance.applyAsInt(candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** How many edits a misspelt name of this length may be from the name meant: a third of it, at least 2. */
    public static int tolerance(String name) {
        return Math.max(2, name.length() / 3);
    }

    /** Levenshtein distance. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static boolean isSubsequence(String letters, String word) {
        int i = 0;
        for (int j = 0; j < word.length() && i < letters.length(); j++) if (letters.charAt(i) == word.charAt(j)) i++;
        return i == letters.length();
    }
}
