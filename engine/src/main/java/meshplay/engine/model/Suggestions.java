package meshplay.engine.model;

import meshplay.engine.module.ArgValidator;

/** Finds the closest known word to a misspelt one, with the same tolerance as module suggestions. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate with the smallest edit distance, or null when none is close. On a tie, a candidate
     * that contains the typed letters in order wins ("taks" -> "tasks" rather than "tags"): dropped
     * letters are the commonest typo.
     */
    static String nearest(String name, Iterable<String> candidates) {
        // twice the edit distance, plus one without the letters in order: equally close words are ordered by that
        return ArgValidator.nearest(candidates,
                candidate -> 2 * ArgValidator.editDistance(name, candidate) + (isSubsequence(name, candidate) ? 0 : 1),
                2 * ArgValidator.typoTolerance(name) + 1);
    }

    private static boolean isSubsequence(String letters, String word) {
        int i = 0;
        for (int j = 0; j < word.length() && i < letters.length(); j++) if (letters.charAt(i) == word.charAt(j)) i++;
        return i == letters.length();
    }
}
