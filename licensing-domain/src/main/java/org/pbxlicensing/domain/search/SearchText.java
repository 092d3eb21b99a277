package org.pbxlicensing.domain.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.code.CheckedCodeFormat;
import org.pbxlicensing.domain.code.CrockfordAlphabet;

/**
 * A text typed into the search box, read in the forms the database's indexes can answer: the start
 * of a whole value, a part of a code (registration number, coupon code) from the start of one of its
 * groups, the beginnings of words for a FULLTEXT search, and the start of a hexadecimal id.
 */
public final class SearchText {

    /** Shorter code parts would match too many codes to be a search. */
    public static final int MIN_CODE_SYMBOLS = 3;
    /** InnoDB's FULLTEXT index leaves out shorter words (innodb_ft_min_token_size). */
    public static final int MIN_WORD_LENGTH = 3;
    private static final int MAX_WORDS = 8;
    private static final int MAX_WORD_LENGTH = 84;
    /**
     * InnoDB's default FULLTEXT stop words: they are not in the index, so a search that requires one
     * finds nothing.
     */
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com",
            "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this",
            "to", "was", "what", "when", "where", "who", "will", "with", "und", "www");
    /**
     * Legal forms that half of all company names carry: required, such a word would make the FULLTEXT
     * search walk half the index (seconds on a million registrations). The start of the whole name
     * still finds "ООО Ромашка" typed from its beginning.
     */
    private static final Set<String> LEGAL_FORMS = Set.of("ооо", "оао", "зао", "пао", "нко", "llc", "ltd", "inc",
            "gmbh", "corp");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{3,32}");

    private final String text;

    public SearchText(String typed) {
        this.text = typed == null ? "" : typed.strip();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public String text() {
        return text;
    }

    /** A LIKE pattern for values that start with the text as typed. */
    public String startPattern() {
        return likeEscaped(text) + "%";
    }

    /**
     * The symbols of a code typed in part, for codes of the form {@code PREFIX-XXXXX-XXXXX-XXXXX-XXXXX}:
     * read as the code format reads them (case, dashes, spaces, O for 0, I and L for 1), without the
     * prefix if it was typed, which also pins the part to the code's start.
     */
    public Optional<CodePart> codePart(String prefix) {
        String compact = text.replaceAll("[\\s\\p{Pd}]", "").toUpperCase(Locale.ROOT);
        boolean fromStart = compact.startsWith(prefix.toUpperCase(Locale.ROOT)) && compact.length() > prefix.length();
        String symbols = CrockfordAlphabet.normalize(fromStart ? compact.substring(prefix.length()) : compact);
        if (symbols.length() < MIN_CODE_SYMBOLS || symbols.length() > CheckedCodeFormat.BODY_LENGTH
                || !symbols.chars().allMatch(c -> CrockfordAlphabet.isSymbol((char) c))) {
            return Optional.empty();
        }
        return Optional.of(new CodePart(symbols, fromStart));
    }

    /**
     * A FULLTEXT query in boolean mode that wants every word of the text at the start of some word
     * ({@code +ромашк* +плюс*}); empty when no typed word can be in the index.
     */
    public String wordsQuery() {
        Set<String> words = new LinkedHashSet<>();
        // In an email only the domain's words are looked up: the part before the @ ("info", "sales") is shared
        // by too many to narrow anything, and the start of the whole email is found by its own index.
        String searched = text.contains("@") ? text.substring(text.lastIndexOf('@') + 1) : text;
        for (String word : WORD_SEPARATORS.split(searched.toLowerCase(Locale.ROOT))) {
            if (word.length() >= MIN_WORD_LENGTH && !STOP_WORDS.contains(word) && !LEGAL_FORMS.contains(word)
                    && words.size() < MAX_WORDS) {
                words.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
            }
        }
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            query.append(query.isEmpty() ? "" : " ").append('+').append(word).append('*');
        }
        return query.toString();
    }

    /** The start of a lower-case hexadecimal id (an installation's), if the text can be one. */
    public Optional<String> hexStart() {
        String lower = text.toLowerCase(Locale.ROOT);
        return HEX.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Symbols of a code; {@code fromStart} when the prefix was typed, so they begin its first group. */
    public record CodePart(String symbols, boolean fromStart) {

        public String startPattern() {
            return symbols + "%";
        }
    }
}
