package dev.salesplatform.lead.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.domain.ScoreReason;

@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(nullable = false)
    public String email;

    public String phone;

    public String title;

    @Column(name = "company_name")
    public String companyName;

    @Column(name = "company_website")
    public String companyWebsite;

    @Column(name = "company_employees")
    public Integer companyEmployees;

    @Column(name = "company_industry")
    public String companyIndustry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadSource source;

    @Column(name = "utm_source")
    public String utmSource;

    @Column(name = "utm_medium")
    public String utmMedium;

    @Column(name = "utm_campaign")
    public String utmCampaign;

    @Column(name = "utm_term")
    public String utmTerm;

    @Column(name = "utm_content")
    public String utmContent;

    @Column(name = "landing_page")
    public String landingPage;

    public String referrer;

    @Column(name = "estimated_amount")
    public BigDecimal estimatedAmount;

    @Column(name = "estimated_currency")
    public String estimatedCurrency;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;

    @Column(name = "owner_id")
    public UUID ownerId;

    public int score;

    /** The score's reasons as a JSON array (see {@link ScoreReasonsConverter}). */
    @Convert(converter = ScoreReasonsConverter.class)
    @Column(name = "score_reasons", nullable = false)
    public List<ScoreReason> scoreReasons = new ArrayList<>();

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "budget_amount")
    public BigDecimal budgetAmount;

    @Column(name = "budget_currency")
    public String budgetCurrency;

    public String authority;

    public String need;

    public LocalDate timeline;

    @Column(name = "qualified_at")
    public Instant qualifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "disqualify_reason")
    public DisqualifyReason disqualifyReason;

    @Column(name = "disqualify_note")
    public String disqualifyNote;

    @Column(name = "disqualified_at")
    public Instant disqualifiedAt;

    @Column(name = "account_executive_id")
    public UUID accountExecutiveId;

    @Column(name = "handed_off_at")
    public Instant handedOffAt;

    @Column(name = "referral_id")
    public String referralId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
