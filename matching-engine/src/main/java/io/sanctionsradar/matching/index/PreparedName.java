package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.normalize.TokenFeatures;

import java.util.function.Function;

/**
 * A name normalized ahead of insertion, with the features of its tokens and joined forms: this is the
 * costly part of a build, done in parallel outside the index.
 */
public record PreparedName(EntryName name, NameTokens tokens, TokenFeatures[] tokenFeatures,
                    TokenFeatures[] compoundFeatures, TokenFeatures[] tripleFeatures) {
    static PreparedName of(EntryName name, NameTokens t, Function<String, TokenFeatures> features) {
        int n = t.size();
        TokenFeatures[] tf = new TokenFeatures[n];
        TokenFeatures[] cf = new TokenFeatures[n];
        TokenFeatures[] trf = new TokenFeatures[n];
        for (int j = 0; j < n; j++) {
            tf[j] = features.apply(t.tokens()[j]);
            cf[j] = t.joinsNext()[j] ? features.apply(t.compound(j)) : null;
            trf[j] = t.joinsThree(j) ? features.apply(t.triple(j)) : null;
        }
        return new PreparedName(name, t, tf, cf, trf);
    }
}
