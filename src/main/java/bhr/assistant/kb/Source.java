package bhr.assistant.kb;

/**
 * Where a passage's statements are written (KB-FORMAT.md): an official text, or a news story for who said what.
 *
 * @param title     the source's own title
 * @param publisher who issued or published it (JDIH BPK RI, OHCHR, ANTARA...)
 * @param date      when it was issued or published: YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown (uploads)
 * @param url       where a reader can check it
 */
public record Source(String title, String publisher, String date, String url) {

    public Source {
        title = clean(title);
        publisher = clean(publisher);
        date = clean(date);
        url = clean(url);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
