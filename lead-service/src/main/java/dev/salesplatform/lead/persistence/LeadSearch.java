package dev.salesplatform.lead.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.salesplatform.lead.domain.LeadSort;
import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;
import io.quarkus.panache.common.Parameters;

/**
 * The query of the lead list: its filters combined with "and" (a null value filters nothing), in the
 * sort's order, from after the row a keyset points at.
 */
public final class LeadSearch {

    private final LeadSort sort;
    private final List<String> where = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    private LeadSearch(LeadSort sort) {
        this.sort = sort;
    }

    public static LeadSearch orderedBy(LeadSort sort) {
        return new LeadSearch(sort);
    }

    public LeadSearch status(LeadStatus status) {
        return filter("status = :status", "status", status);
    }

    public LeadSearch owner(UUID owner) {
        return filter("ownerId = :owner", "owner", owner);
    }

    public LeadSearch source(LeadSource source) {
        return filter("source = :source", "source", source);
    }

    public LeadSearch createdFrom(Instant createdFrom) {
        return filter("createdAt >= :createdFrom", "createdFrom", createdFrom);
    }

    public LeadSearch createdTo(Instant createdTo) {
        return filter("createdAt < :createdTo", "createdTo", createdTo);
    }

    /**
     * Name ("first last"), email or company contain {@code text}, ignoring case. Each expression is exactly
     * that of a trigram index (migration V6, lead_search_*), so the three make a BitmapOr of index scans;
     * "||" rather than concat(), which is not IMMUTABLE and so cannot be indexed (both names are NOT NULL:
     * the same value). Trigrams need 3 characters: a 2-character text still scans.
     */
    public LeadSearch text(String text) {
        if (text == null) {
            return this;
        }
        where.add("(lower(firstName || ' ' || lastName) like :text escape '\\' or lower(email) like :text escape '\\'"
                + " or lower(companyName) like :text escape '\\')");
        parameters.and("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        return this;
    }

    /** Only the rows after the keyset {@code (afterScore, afterId)} in this order; a null id: from the start. */
    public LeadSearch after(Integer afterScore, UUID afterId) {
        if (afterId == null) {
            return this;
        }
        String after = sort.descending() ? "<" : ">";
        if (sort.byScore()) {
            where.add("(score " + after + " :afterScore or (score = :afterScore and id " + after + " :afterId))");
            parameters.and("afterScore", afterScore);
        } else {
            where.add("id " + after + " :afterId");
        }
        parameters.and("afterId", afterId);
        return this;
    }

    String query() {
        String direction = sort.descending() ? "desc" : "asc";
        String order = sort.byScore() ? "score " + direction + ", id " + direction : "id " + direction;
        return (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by " + order;
    }

    Parameters parameters() {
        return parameters;
    }

    private LeadSearch filter(String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            parameters.and(name, value);
        }
        return this;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
