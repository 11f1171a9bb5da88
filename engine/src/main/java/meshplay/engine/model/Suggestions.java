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
        String best = null;
        int bestDistance = Math.max(2, name.length() / 3) + 1;
        boolean bestHasLetters = false;
        for (String candidate : candidates) {
            int d = ArgValidator.editDistance(name, candidate);
            boolean hasLetters = isSubsequence(name, candidate);
            if (d < bestDistance || (d == bestDistance && best != null && hasLetters && !bestHasLetters)) {
                bestDistance = d;
                best = candidate;
                bestHasLetters = hasLetters;
            }
        }
        return best;
    }

    private static boolean isSubsequence(String letters, String word) {
        int i = 0;
        for (int j = 0; j < word.length() && i < letters.length(); j++) if (letters.charAt(i) == word.charAt(j)) i++;
        return i == letters.length();
    }
}
