package bhr.assistant.kb;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The readable text of a Markdown block: what a citation should quote. Emphasis and links keep only their
 * words (no "**", no URLs), list items go one per line, raw HTML is dropped.
 */
final class PlainText extends AbstractVisitor {

    private final StringBuilder out = new StringBuilder();

    static String of(Node block) {
        PlainText visitor = new PlainText();
        block.accept(visitor);
        return visitor.out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        out.append('\n'); // kept so a "Pihak:" first line stays a line; SectionCollector folds wrapped lines
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        out.append('\n');
    }

    @Override
    public void visit(Paragraph paragraph) {
        visitChildren(paragraph);
        if (!(paragraph.getParent() instanceof ListItem)) {
            out.append("\n\n");
        }
    }

    @Override
    public void visit(BulletList list) {
        visitChildren(list);
        out.append('\n');
    }

    @Override
    public void visit(OrderedList list) {
        visitChildren(list);
        out.append('\n');
    }

    @Override
    public void visit(ListItem item) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append(item.getParent() instanceof OrderedList ? (indexOf(item) + ". ") : "- ");
        visitChildren(item);
        out.append('\n');
    }

    @Override
    public void visit(FencedCodeBlock code) {
        out.append(code.getLiteral()).append("\n\n");
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        out.append(code.getLiteral()).append("\n\n");
    }

    @Override
    public void visit(HtmlInline html) {
        // raw HTML carries markup, not content
    }

    @Override
    public void visit(HtmlBlock html) {
        // raw HTML carries markup, not content
    }

    private static int indexOf(ListItem item) {
        int start = ((OrderedList) item.getParent()).getMarkerStartNumber() == null ? 1 : ((OrderedList) item.getParent()).getMarkerStartNumber();
        int index = 0;
        for (Node sibling = item.getParent().getFirstChild(); sibling != item; sibling = sibling.getNext()) {
            index++;
        }
        return start + index;
    }
}
