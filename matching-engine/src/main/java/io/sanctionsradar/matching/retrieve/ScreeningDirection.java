package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.score.NameScorer;

/**
 * Which side of a comparison is the name being screened, and so how a query and an indexed name are weighed and
 * aligned. {@link #FORWARD}: the query is screened against listed names (screening). {@link #REVERSE}: the index
 * holds the screened names (monitored parties) and the query is a listed name (monitoring); it weighs, aligns and
 * looks titles up as a forward screening of each indexed name would, so that, with the same token statistics, it
 * never scores a pair below the forward screening (ReverseSearchTest).
 */
public enum ScreeningDirection {

    FORWARD {
        @Override
        double queryShare(double queryTotal, double entryTotal) {
            return NameScorer.share(queryTotal, entryTotal);
        }

        @Override
        boolean alignsOptimally() {
            return false;
        }

        @Override
        boolean looksTitlesUpExactly() {
            return true;
        }
    },

    REVERSE {
        /**
         * The query is the listed name, so the indexed name gets the share a forward check would give it: a
         * one-word alias ("Mohammad") then weighs against a longer name as it does when that name is screened,
         * instead of counting at least {@link NameScorer#MIN_QUERY_SHARE} for the word it explains.
         */
        @Override
        double queryShare(double queryTotal, double entryTotal) {
            return 1 - NameScorer.share(entryTotal, queryTotal);
        }

        /**
         * The greedy alignment breaks ties between equally similar pairs by weight and position, which differ
         * between the two directions ("Hasan Hassan" against "HUSSEIN, Hassaan" aligns both words forward, one in
         * reverse), so the reverse search takes the alignment that no other one-to-one alignment, either way, can beat.
         */
        @Override
        boolean alignsOptimally() {
            return true;
        }

        /**
         * A forward check looks the screened name's words up among every listed string, titles included ("Chucho"
         * sounds like the listed title "Sheik"), so the reverse one must find the words that resemble a listed
         * title too.
         */
        @Override
        boolean looksTitlesUpExactly() {
            return false;
        }
    };

    /** The query side's share of a name score, from both sides' total token weights (see {@link NameScorer#share}). */
    abstract double queryShare(double queryTotal, double entryTotal);

    /** Whether names are aligned with the query optimally instead of greedily. */
    abstract boolean alignsOptimally();

    /** Whether a title or legal form of the query only matches its own spelling. */
    abstract boolean looksTitlesUpExactly();
}
