package io.sanctionsradar.console.pages.designations;

import io.sanctionsradar.console.pages.designations.ResponseGraph.Arrow;
import io.sanctionsradar.console.pages.designations.ResponseGraph.Box;
import io.sanctionsradar.console.pages.designations.ResponseGraph.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseGraphTest {

    private static final Node EU_WANG = new Node("eu-1", false, "WANG Junzheng", "EU-COUNCIL", "2021-03-22");

    @Test
    void the_countermeasures_answering_a_designation_stand_on_its_right_and_point_at_it() {
        List<Node> answering = countermeasures(3);
        ResponseGraph graph = new ResponseGraph(EU_WANG, List.of(), 0, "#", answering, 3, "#all");

        Box focus = graph.boxes().get(0);
        assertTrue(focus.focus());
        assertEquals("node focus", focus.css());
        assertEquals("/designations/eu-1", focus.href());
        assertEquals(ResponseGraph.MIDDLE, focus.x());
        List<Box> right = graph.boxes().subList(1, 4);
        right.forEach(box -> assertEquals(ResponseGraph.RIGHT, box.x()));
        assertEquals("/countermeasures/cm-0", right.get(0).href());
        assertEquals(3, graph.arrows().size());
        for (int i = 0; i < 3; i++) {
            Arrow arrow = graph.arrows().get(i);
            assertEquals(ResponseGraph.RIGHT, arrow.x1());
            assertEquals(right.get(i).y() + ResponseGraph.NODE_HEIGHT / 2, arrow.y1());
            assertEquals(ResponseGraph.MIDDLE + ResponseGraph.NODE_WIDTH, arrow.x2());
            assertEquals(focus.y() + ResponseGraph.NODE_HEIGHT / 2, arrow.y2());
            assertEquals("CN-MFA · 2021-03-22", arrow.label());
        }
        assertEquals("WANG Junzheng (EU-COUNCIL · 2021-03-22) answers no designations and is answered by"
                + " 3 countermeasures (CN-MFA · 2021-03-22).", graph.summary());
    }

    @Test
    void the_focus_sits_level_with_the_middle_of_the_taller_side() {
        ResponseGraph graph = new ResponseGraph(EU_WANG, List.of(), 0, "#", countermeasures(5), 5, "#");

        Box focus = graph.boxes().get(0);
        Box first = graph.boxes().get(1);
        Box last = graph.boxes().get(5);
        assertEquals(graph.height() - (last.y() + last.height()), first.y());
        assertEquals(first.y() + (last.y() + last.height() - first.y()) / 2, focus.y() + focus.height() / 2, 1);
        assertEquals(2 * ResponseGraph.MARGIN + 5 * ResponseGraph.NODE_HEIGHT + 4 * ResponseGraph.GAP, graph.height());
    }

    @Test
    void what_a_countermeasure_answers_stands_on_its_left_and_the_arrows_run_there() {
        Node zenz = new Node("cm-z", true, "Adrian Zenz", "CN-MFA", "2021-03-22");
        List<Node> eu = List.of(EU_WANG, new Node("eu-2", false, "ZHU Hailun", "EU-COUNCIL", "2021-03-22"));
        ResponseGraph graph = new ResponseGraph(zenz, eu, 2, "#", List.of(), 0, "#");

        assertEquals("/countermeasures/cm-z", graph.boxes().get(0).href());
        graph.boxes().subList(1, 3).forEach(box -> assertEquals(ResponseGraph.LEFT, box.x()));
        Arrow arrow = graph.arrows().get(1);
        assertEquals(ResponseGraph.MIDDLE, arrow.x1());
        assertEquals(ResponseGraph.LEFT + ResponseGraph.NODE_WIDTH, arrow.x2());
        assertEquals(graph.boxes().get(2).y() + ResponseGraph.NODE_HEIGHT / 2, arrow.y2());
        assertEquals("CN-MFA · 2021-03-22", arrow.label());
        assertEquals(arrow.y2() + 15, arrow.labelY(), "below the arrow falling to the lower box");
        assertEquals(graph.arrows().get(0).y2() - 5, graph.arrows().get(0).labelY(), "above the rising one");
        assertFalse(graph.empty());
    }

    @Test
    void beyond_a_dozen_the_last_box_counts_the_rest_and_links_to_them() {
        ResponseGraph graph = new ResponseGraph(EU_WANG, List.of(), 0, "#", countermeasures(14), 14, "#answered-by");

        assertEquals(1 + ResponseGraph.MAX_PER_SIDE, graph.boxes().size());
        Box more = graph.boxes().get(ResponseGraph.MAX_PER_SIDE);
        assertEquals("and 3 more", more.name());
        assertEquals("#answered-by", more.href());
        assertEquals(ResponseGraph.MAX_PER_SIDE, graph.arrows().size());
        assertEquals("CN-MFA · 2021-03-22", graph.arrows().get(ResponseGraph.MAX_PER_SIDE - 2).label());
        assertEquals("", graph.arrows().get(ResponseGraph.MAX_PER_SIDE - 1).label(), "the count is no answer");
    }

    @Test
    void long_names_are_cut_to_fit_their_box_but_kept_whole_in_its_title() {
        Node long_ = new Node("x", true, "Political and Security Committee of the Council of the European Union",
                "CN-MFA", "2021-03-22");
        Box box = new ResponseGraph(long_, List.of(), 0, "#", List.of(), 0, "#").boxes().get(0);

        assertEquals(ResponseGraph.NAME_FITS, box.name().length());
        assertTrue(box.name().endsWith("…"));
        assertTrue(box.title().startsWith(long_.name()));
    }

    @Test
    void alone_it_is_an_empty_graph() {
        assertTrue(new ResponseGraph(EU_WANG, List.of(), 0, "#", List.of(), 0, "#").empty());
    }

    private static List<Node> countermeasures(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Node("cm-" + i, true, "Target " + i, "CN-MFA", "2021-03-22"))
                .toList();
    }
}
