package dev.salesplatform.customersuccess.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.CheckInType;
import dev.salesplatform.customersuccess.domain.CustomerCommand;
import dev.salesplatform.customersuccess.domain.NpsCategory;
import dev.salesplatform.customersuccess.domain.ReviewPlatform;
import dev.salesplatform.customersuccess.domain.Sentiment;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.customersuccess.persistence.CheckIn;
import dev.salesplatform.customersuccess.persistence.CheckInRepository;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.customersuccess.persistence.Feedback;
import dev.salesplatform.customersuccess.persistence.FeedbackRepository;
import dev.salesplatform.customersuccess.persistence.Referral;
import dev.salesplatform.customersuccess.persistence.ReferralRepository;
import dev.salesplatform.customersuccess.persistence.Review;
import dev.salesplatform.customersuccess.persistence.ReviewRepository;
import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Touchpoints with a customer: check-ins, NPS feedback, public reviews and referrals. Each is
 * recorded for an ACTIVE customer by its CSM or a manager, moves the customer's last touchpoint and
 * recomputes its health, in one transaction with its event.
 */
@ApplicationScoped
public class TouchpointService {

    private final Clock clock;
    private final CustomerChanges changes;
    private final CheckInRepository checkIns;
    private final FeedbackRepository feedback;
    private final ReviewRepository reviews;
    private final ReferralRepository referrals;
    private final CustomerEvents events;

    @Inject
    public TouchpointService(Clock clock, CustomerChanges changes, CheckInRepository checkIns,
                             FeedbackRepository feedback, ReviewRepository reviews, ReferralRepository referrals,
                             CustomerEvents events) {
        this.clock = clock;
        this.changes = changes;
        this.checkIns = checkIns;
        this.feedback = feedback;
        this.reviews = reviews;
        this.referrals = referrals;
        this.events = events;
    }

    @WithTransaction
    public Uni<CheckInView> recordCheckIn(UUID id, CheckInType type, Sentiment sentiment, String notes, Actor actor) {
        return changes.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            CheckIn checkIn = new CheckIn();
            checkIn.id = UuidV7.next();
            checkIn.customerId = id;
            checkIn.type = type;
            checkIn.sentiment = sentiment;
            checkIn.notes = CustomerChanges.blankToNull(notes);
            checkIn.recordedBy = actor.id().toString();
            checkIn.recordedAt = Times.now(clock);
            return checkIns.persist(checkIn)
                    .chain(() -> touch(customer, checkIn.recordedBy, checkIn.recordedAt,
                            () -> events.checkInRecorded(customer, checkIn)))
                    .map(x -> CheckInView.of(checkIn));
        });
    }

    @WithSession
    public Uni<Page<CheckInView>> checkIns(UUID id, PageRequest page, Actor actor) {
        return changes.loadToRead(id, actor).chain(c -> checkIns.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), CheckInView::of));
    }

    /** One NPS answer, {@code score} 0-10. */
    @WithTransaction
    public Uni<FeedbackView> recordFeedback(UUID id, int score, String comment, Actor actor) {
        return changes.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            Feedback answer = new Feedback();
            answer.id = UuidV7.next();
            answer.customerId = id;
            answer.score = score;
            answer.category = NpsCategory.of(score);
            answer.comment = CustomerChanges.blankToNull(comment);
            answer.recordedBy = actor.id().toString();
            answer.recordedAt = Times.now(clock);
            return feedback.persist(answer)
                    .chain(() -> touch(customer, answer.recordedBy, answer.recordedAt,
                            () -> events.feedbackRecorded(customer, answer)))
                    .map(x -> FeedbackView.of(answer));
        });
    }

    @WithSession
    public Uni<Page<FeedbackView>> feedback(UUID id, PageRequest page, Actor actor) {
        return changes.loadToRead(id, actor).chain(c -> feedback.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), FeedbackView::of));
    }

    /** A public review, {@code rating} 1-5. */
    @WithTransaction
    public Uni<ReviewView> recordReview(UUID id, ReviewPlatform platform, int rating, String url, Actor actor) {
        return changes.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            Review review = new Review();
            review.id = UuidV7.next();
            review.customerId = id;
            review.platform = platform;
            review.rating = rating;
            review.url = CustomerChanges.blankToNull(url);
            review.recordedBy = actor.id().toString();
            review.recordedAt = Times.now(clock);
            return reviews.persist(review)
                    .chain(() -> touch(customer, review.recordedBy, review.recordedAt,
                            () -> events.reviewPosted(customer, review)))
                    .map(x -> ReviewView.of(review));
        });
    }

    @WithSession
    public Uni<Page<ReviewView>> reviews(UUID id, PageRequest page, Actor actor) {
        return changes.loadToRead(id, actor).chain(c -> reviews.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), ReviewView::of));
    }

    /** A referral; its contact's first and last name and e-mail are required. */
    @WithTransaction
    public Uni<ReferralView> recordReferral(UUID id, ReferralDraft draft, Actor actor) {
        return changes.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            Referral referral = new Referral();
            referral.id = UuidV7.next();
            referral.customerId = id;
            referral.companyName = CustomerChanges.blankToNull(draft.companyName());
            referral.contactFirstName = draft.contact().firstName().strip();
            referral.contactLastName = draft.contact().lastName().strip();
            referral.contactEmail = draft.contact().email().strip();
            referral.contactPhone = CustomerChanges.blankToNull(draft.contact().phone());
            referral.contactTitle = CustomerChanges.blankToNull(draft.contact().title());
            referral.note = CustomerChanges.blankToNull(draft.note());
            referral.recordedBy = actor.id().toString();
            referral.recordedAt = Times.now(clock);
            return referrals.persist(referral)
                    .chain(() -> touch(customer, referral.recordedBy, referral.recordedAt,
                            () -> events.referralMade(customer, referral)))
                    .map(x -> ReferralView.of(referral));
        });
    }

    @WithSession
    public Uni<Page<ReferralView>> referrals(UUID id, PageRequest page, Actor actor) {
        return changes.loadToRead(id, actor).chain(c -> referrals.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), ReferralView::of));
    }

    private Uni<Void> touch(Customer customer, String actor, Instant at, Supplier<Uni<Void>> recorded) {
        return changes.commit(customer, actor, at, at, c -> {
        }, recorded);
    }

    private static UUID after(PageRequest page) {
        return page.cursor() == null ? null : page.cursor().id(0);
    }
}
