package io.sanctionsradar.console.pages.designations;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the boxes and arrows of a small response graph go: the focus designation in the middle, the designations it
 * answers on the left, the countermeasures answering it on the right, each arrow drawn from the one who answers to
 * what it answers and labelled with that one's authority and date. The template draws it as SVG from these numbers.
 */
public final class ResponseGraph {

    static final int WIDTH = 990;
    static final int NODE_WIDTH = 230;
    static final int NODE_HEIGHT = 44;
    static final int GAP = 14;
    static final int MARGIN = 20;
    static final int LEFT = 10;
    static final int MIDDLE = 380;
    static final int RIGHT = 750;
    /** Boxes per side; more would make the picture a list, and the page has the full list below it. */
    static final int MAX_PER_SIDE = 12;
    /** Characters of a name that fit in a box at the stylesheet's 12px. */
    static final int NAME_FITS = 32;

    /** A designation or countermeasure as the graph shows it. */
    public record Node(String id, boolean countermeasure, String name, String authority, String date) {
        String href() {
            return (countermeasure ? "/countermeasures/" : "/designations/") + id;
        }

        String facts() {
            return authority + " · " + date;
        }
    }

    /** A box at its place. */
    public record Box(String href, String title, String name, String facts, boolean focus, int x, int y) {
        public String css() {
            return focus ? "node focus" : "node";
        }

        public int width() {
            return NODE_WIDTH;
        }

        public int height() {
            return NODE_HEIGHT;
        }

        public int textX() {
            return x + 8;
        }

        public int nameY() {
            return y + 18;
        }

        public int factsY() {
            return y + 36;
        }

        int middleY() {
            return y + NODE_HEIGHT / 2;
        }
    }

    /** An arrow from (x1, y1) to (x2, y2), its label just above it at its outer end, where arrows do not crowd. */
    public record Arrow(int x1, int y1, int x2, int y2, String label, int labelX, int labelY, String anchor) {
    }

    private final List<Box> boxes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final int height;
    private final String summary;

    /**
     * @param answered     the designations the focus answers, at most {@link #MAX_PER_SIDE} are drawn
     * @param answeredAll  how many it answers in all (a box says how many more, linking to {@code answeredMore})
     * @param answering    the countermeasures answering the focus
     */
    public ResponseGraph(Node focus, List<Node> answered, long answeredAll, String answeredMore, List<Node> answering,
            long answeringAll, String answeringMore) {
        int rows = Math.max(1, Math.max(rows(answered, answeredAll), rows(answering, answeringAll)));
        height = 2 * MARGIN + rows * NODE_HEIGHT + (rows - 1) * GAP;
        Box centre = box(focus, true, MIDDLE, (height - NODE_HEIGHT) / 2);
        boxes.add(centre);
        List<Box> left = side(answered, answeredAll, answeredMore, LEFT);
        for (int i = 0; i < left.size(); i++) {
            Box target = left.get(i);
            arrows.add(new Arrow(MIDDLE, centre.middleY(), LEFT + NODE_WIDTH, target.middleY(),
                    i < drawn(answered, answeredAll) ? focus.facts() : "", LEFT + NODE_WIDTH + 6,
                    labelY(target, centre), "start"));
        }
        List<Box> right = side(answering, answeringAll, answeringMore, RIGHT);
        for (int i = 0; i < right.size(); i++) {
            Box source = right.get(i);
            arrows.add(new Arrow(RIGHT, source.middleY(), MIDDLE + NODE_WIDTH, centre.middleY(),
                    i < drawn(answering, answeringAll) ? answering.get(i).facts() : "", RIGHT - 6,
                    labelY(source, centre), "end"));
        }
        summary = focus.name() + " (" + focus.facts() + ") answers " + count(answeredAll, "designation")
                + whose(answered) + " and is answered by " + count(answeringAll, "countermeasure") + whose(answering)
                + ".";
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return height;
    }

    public List<Box> boxes() {
        return boxes;
    }

    public List<Arrow> arrows() {
        return arrows;
    }

    /** The whole picture in a sentence, for those who do not see it. */
    public String summary() {
        return summary;
    }

    public boolean empty() {
        return boxes.size() == 1;
    }

    private List<Box> side(List<Node> nodes, long all, String more, int x) {
        int rows = rows(nodes, all);
        int top = (height - (rows * NODE_HEIGHT + (rows - 1) * GAP)) / 2;
        int drawn = drawn(nodes, all);
        boolean cut = drawn < all;
        List<Box> side = new ArrayList<>();
        for (int i = 0; i < drawn; i++) {
            side.add(box(nodes.get(i), false, x, top + i * (NODE_HEIGHT + GAP)));
        }
        if (cut) {
            String text = "and " + (all - drawn) + " more";
            side.add(new Box(more, text, text, "show them all", false, x, top + drawn * (NODE_HEIGHT + GAP)));
        }
        boxes.addAll(side);
        return side;
    }

    /** Above an arrow rising to the focus, below one falling to it: the label stays clear of its own line. */
    private static int labelY(Box outer, Box centre) {
        return outer.middleY() > centre.middleY() ? outer.middleY() + 15 : outer.middleY() - 5;
    }

    /** The nodes drawn as themselves; when some are left out, the last place goes to the box that counts them. */
    private static int drawn(List<Node> nodes, long all) {
        boolean cut = all > Math.min(nodes.size(), MAX_PER_SIDE);
        return cut ? Math.min(nodes.size(), MAX_PER_SIDE - 1) : nodes.size();
    }

    private static int rows(List<Node> nodes, long all) {
        int drawn = Math.min(nodes.size(), MAX_PER_SIDE);
        return all > drawn ? Math.min(drawn + 1, MAX_PER_SIDE) : drawn;
    }

    private static Box box(Node node, boolean focus, int x, int y) {
        String name = node.name().length() > NAME_FITS ? node.name().substring(0, NAME_FITS - 1) + "…" : node.name();
        return new Box(node.href(), node.name() + " — " + node.facts(), name, node.facts(), focus, x, y);
    }

    /** The authorities and dates of the drawn nodes, "(CN-MFA · 2021-03-22)", so the sentence tells the story. */
    private static String whose(List<Node> nodes) {
        List<String> facts = nodes.stream().map(Node::facts).distinct().toList();
        return facts.isEmpty() ? "" : " (" + String.join("; ", facts) + ")";
    }

    private static String count(long n, String what) {
        return n == 0 ? "no " + what + "s" : n == 1 ? "1 " + what : n + " " + what + "s";
    }
}
