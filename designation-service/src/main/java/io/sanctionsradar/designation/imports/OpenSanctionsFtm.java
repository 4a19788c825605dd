package io.sanctionsradar.designation.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * OpenSanctions' data in FollowTheMoney (FtM) form, one JSON object per line, UTF-8: the plain form
 * ({@code entities.ftm.json}, one entity a line) is the whole list; the delta form ({@code entities.delta.json},
 * lines {@code {"op": "ADD"|"MOD"|"DEL", "entity": {…}}}) only what changed since the previous export: ADD and MOD
 * entities are listed or amended, DEL ids delisted, nothing else touched ({@link ParsedList#delta()}). The first line
 * tells the form; every line must then be of it. <b>Licence: CC BY-NC 4.0</b> (OpenSanctions,
 * opensanctions.org/licensing): fine for tests and non-commercial use with attribution; importing it commercially
 * needs OpenSanctions' licence.
 *
 * <p>A Person, Organization, Company, LegalEntity or Vessel is designated when its topics say it is sanctioned
 * ({@code sanction}, {@code sanction.counter}) or a Sanction entity of the file names it; every other entity (Sanction,
 * Address, Passport, Ownership …) is no entry. The draft is made from the target's own properties
 * ({@link FtmDesignations}); a Sanction's listing date is used only for a target without a creation date.
 */
public class OpenSanctionsFtm implements ListFormat {

    public static final String SOURCE_LIST = "OPENSANCTIONS";
    private static final Set<String> SANCTIONED = Set.of("sanction", "sanction.counter");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public String name() {
        return "opensanctions-ftm";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Reading reading = new Reading();
        int line = 0;
        try (BufferedReader in = Files.newBufferedReader(ListFiles.single(files, name()), StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (!text.isBlank()) {
                    reading.read(json(text, line), line);
                }
            }
        } catch (CharacterCodingException e) {
            throw new MalformedListException("not UTF-8 text", line + 1);
        }
        return reading.parsed();
    }

    private static JsonNode json(String text, int line) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedListException("not a JSON object: " + e.getOriginalMessage(), line);
        }
    }

    /** What the lines read so far hold. */
    private static final class Reading {
        private Boolean delta;
        private final List<FtmEntity> subjects = new ArrayList<>();
        private final Set<String> named = new HashSet<>();
        private final Map<String, LocalDate> listed = new HashMap<>();
        private final Map<String, Integer> entityLines = new HashMap<>();
        private final Map<String, Integer> deleted = new LinkedHashMap<>();

        void read(JsonNode node, int line) {
            boolean deltaLine = node.isObject() && node.has("op");
            if (delta == null) {
                delta = deltaLine;
            } else if (delta != deltaLine) {
                throw new MalformedListException(delta ? "a line of a delta is {\"op\": …, \"entity\": …}"
                        : "a line of an entity file is one entity, not a delta's {\"op\": …}", line);
            }
            if (!deltaLine) {
                entity(FtmEntity.of(node, line));
                return;
            }
            String op = node.path("op").asText("");
            switch (op) {
                case "ADD", "MOD" -> entity(FtmEntity.of(node.get("entity"), line));
                case "DEL" -> deleted.putIfAbsent(FtmEntity.idOf(node.get("entity"), line), line);
                default -> throw new MalformedListException("op is ADD, MOD or DEL, not \"" + op + "\"", line);
            }
        }

        private void entity(FtmEntity entity) {
            entityLines.putIfAbsent(entity.id(), entity.line());
            if (entity.schema().equals("Sanction")) {
                LocalDate date = Stream.of("listingDate", "startDate", "date").flatMap(p -> entity.values(p).stream())
                        .map(ListFiles::isoDate).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
                for (String target : entity.values("entity")) {
                    named.add(target);
                    if (date != null) {
                        listed.merge(target, date, (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            } else if (FtmEntity.SUBJECT_SCHEMATA.contains(entity.schema())) {
                subjects.add(entity);
            }
        }

        ParsedList parsed() {
            if (delta == null) {
                throw new MalformedListException("no entity at all", null);
            }
            List<ListEntry> entries = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            for (FtmEntity subject : subjects) {
                if (subject.values("topics").stream().anyMatch(SANCTIONED::contains) || named.contains(subject.id())) {
                    FtmDesignations.draft(subject, listed.get(subject.id())).ifPresentOrElse(
                            draft -> entries.add(ListEntry.atLine(subject.line(), draft)),
                            () -> rejections.add(Rejection.atLine(subject.line(), subject.id(),
                                    "a " + subject.schema() + " without a name")));
                }
            }
            if (!delta) {
                return new ParsedList(SOURCE_LIST, entries, rejections);
            }
            Set<String> removed = new LinkedHashSet<>();
            deleted.forEach((id, line) -> {
                if (entityLines.containsKey(id)) {
                    rejections.add(Rejection.atLine(line, id, "deleted, and added or modified at line "
                            + entityLines.get(id) + ": not deleted"));
                } else {
                    removed.add(id);
                }
            });
            return ParsedList.delta(SOURCE_LIST, entries, rejections, removed);
        }
    }
}
