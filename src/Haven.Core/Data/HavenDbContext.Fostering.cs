using Haven.Core.Fostering;
using Haven.Core.Permanence;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<RecruitmentCampaign> RecruitmentCampaigns => Set<RecruitmentCampaign>();
    public DbSet<RecruitmentEnquiry> RecruitmentEnquiries => Set<RecruitmentEnquiry>();
    public DbSet<FosterHousehold> FosterHouseholds => Set<FosterHousehold>();
    public DbSet<HouseholdPlacement> HouseholdPlacements => Set<HouseholdPlacement>();
    public DbSet<SupervisionVisit> SupervisionVisits => Set<SupervisionVisit>();
    public DbSet<CarerTraining> CarerTraining => Set<CarerTraining>();
    public DbSet<CarerReview> CarerReviews => Set<CarerReview>();
    public DbSet<CarerFeedback> CarerFeedback => Set<CarerFeedback>();
    public DbSet<SpecialGuardianship> SpecialGuardianships => Set<SpecialGuardianship>();
    public DbSet<GuardianSupport> GuardianSupport => Set<GuardianSupport>();
    public DbSet<FosteringCorrection> FosteringCorrections => Set<FosteringCorrection>();
    public DbSet<PermanencePlan> PermanencePlans => Set<PermanencePlan>();
    public DbSet<AdoptionCase> AdoptionCases => Set<AdoptionCase>();
}
