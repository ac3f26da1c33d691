package dev.salesplatform.deal.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.deal.domain.DealSort;
import dev.salesplatform.deal.domain.DealStatus;
import dev.salesplatform.kit.http.Cursor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DealRepository implements PanacheRepositoryBase<Deal, UUID> {

    public Uni<Deal> findByLead(UUID leadId) {
        return find("leadId", leadId).firstResult();
    }

    /**
     * Up to {@code limit} deals matching {@code search}, in its order, after the row the keyset
     * cursor {@code after} points at (its sort key, then its id; null: from the start); {@code staleBefore}
     * and {@code otherwiseStaleBefore} are the stage cutoffs when {@code search.stale()}. A tampered
     * cursor is 400 before any query.
     */
    public Uni<List<Deal>> search(DealSearch search, Map<String, Instant> staleBefore, Instant otherwiseStaleBefore,
                                  Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.stage() != null) {
            where.add("stageCode = :stage");
            parameters.and("stage", search.stage());
        }
        if (search.owner() != null) {
            where.add("ownerId = :owner");
            parameters.and("owner", search.owner());
        }
        if (search.pipeline() != null) {
            where.add("pipelineId = :pipeline");
            parameters.and("pipeline", search.pipeline());
        }
        if (search.expectedCloseFrom() != null) {
            where.add("expectedCloseDate >= :closeFrom");
            parameters.and("closeFrom", search.expectedCloseFrom());
        }
        if (search.expectedCloseTo() != null) {
            where.add("expectedCloseDate <= :closeTo");
            parameters.and("closeTo", search.expectedCloseTo());
        }
        if (search.amountMin() != null) {
            where.add("amount >= :amountMin");
            parameters.and("amountMin", search.amountMin());
        }
        if (search.amountMax() != null) {
            where.add("amount <= :amountMax");
            parameters.and("amountMax", search.amountMax());
        }
        if (search.currency() != null) {
            where.add("currency = :currency");
            parameters.and("currency", search.currency());
        }
        if (search.text() != null) {
            // Each expression is exactly that of a trigram index (migration V6, deal_search_*), so the two
            // make a BitmapOr of index scans; trigrams need 3 characters: a 2-character text still scans.
            where.add("(lower(name) like :text escape '\\' or lower(companyName) like :text escape '\\')");
            parameters.and("text", "%" + escapeLike(search.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (search.stale()) {
            List<String> stale = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Instant> cutoff : staleBefore.entrySet()) {
                stale.add("(stageCode = :staleStage" + i + " and stageEnteredAt < :staleBefore" + i + ")");
                parameters.and("staleStage" + i, cutoff.getKey()).and("staleBefore" + i, cutoff.getValue());
                i++;
            }
            stale.add(staleBefore.isEmpty() ? "stageEnteredAt < :staleOtherwise"
                    : "(stageCode not in :staleStages and stageEnteredAt < :staleOtherwise)");
            if (!staleBefore.isEmpty()) {
                parameters.and("staleStages", List.copyOf(staleBefore.keySet()));
            }
            parameters.and("staleOtherwise", otherwiseStaleBefore);
            where.add("status = :open and (" + String.join(" or ", stale) + ")");
            parameters.and("open", DealStatus.OPEN);
        }
        if (search.visibleTo() != null) {
            where.add("(ownerId = :me or id in (select m.dealId from DealTeamMember m where m.userId = :me))");
            parameters.and("me", search.visibleTo());
        }
        DealSort sort = search.sort();
        String direction = sort.descending() ? " desc" : " asc";
        String beyond = sort.descending() ? " < " : " > ";
        if (after != null) {
            parameters.and("afterId", after.id(1));
            String nextId = "id" + beyond + ":afterId";
            where.add(switch (sort.field()) {
                case "amount" -> {
                    parameters.and("afterKey", after.decimal(0));
                    yield "(amount" + beyond + ":afterKey or (amount = :afterKey and " + nextId + "))";
                }
                case "expectedCloseDate" -> {
                    if (after.value(0).isEmpty()) {
                        yield "(expectedCloseDate is null and " + nextId + ")";
                    }
                    parameters.and("afterKey", after.date(0));
                    yield "(expectedCloseDate" + beyond + ":afterKey or (expectedCloseDate = :afterKey and " + nextId
                            + ") or expectedCloseDate is null)";
                }
                default -> nextId;
            });
        }
        String order = switch (sort.field()) {
            case "amount" -> "amount" + direction + ", id" + direction;
            case "expectedCloseDate" -> "expectedCloseDate" + direction + " nulls last, id" + direction;
            default -> "id" + direction; // ids are time-ordered (UUIDv7): creation order
        };
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by " + order;
        return find(query, parameters).page(0, limit).list();
    }

    /** The value of {@code sort}'s field that a cursor carries ("" when the id alone orders, or for no date). */
    public static String sortKey(Deal deal, DealSort sort) {
        return switch (sort.field()) {
            case "amount" -> deal.amount.toPlainString();
            case "expectedCloseDate" -> deal.expectedCloseDate == null ? "" : deal.expectedCloseDate.toString();
            default -> "";
        };
    }

    /** One row per pipeline, stage and currency: {pipelineId, stageCode, currency, count, sum of amount}. */
    public Uni<List<Object[]>> summary(UUID pipeline, UUID owner) {
        List<String> where = new ArrayList<>();
        if (pipeline != null) {
            where.add("d.pipelineId = :pipeline");
        }
        if (owner != null) {
            where.add("d.ownerId = :owner");
        }
        String query = "select d.pipelineId, d.stageCode, d.currency, count(d), sum(d.amount) from Deal d "
                + (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ")
                + "group by d.pipelineId, d.stageCode, d.currency";
        return getSession().chain(session -> {
            var select = session.createSelectionQuery(query, Object[].class);
            if (pipeline != null) {
                select.setParameter("pipeline", pipeline);
            }
            if (owner != null) {
                select.setParameter("owner", owner);
            }
            return select.getResultList();
        });
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
