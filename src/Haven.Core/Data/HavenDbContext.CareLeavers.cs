using Haven.Core.CareLeavers;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<PathwayPlan> PathwayPlans => Set<PathwayPlan>();
    public DbSet<PathwayReview> PathwayReviews => Set<PathwayReview>();
    public DbSet<SignificantChange> SignificantChanges => Set<SignificantChange>();
    public DbSet<CareLeaverContact> CareLeaverContacts => Set<CareLeaverContact>();
    public DbSet<BirthdayReturn> BirthdayReturns => Set<BirthdayReturn>();
    public DbSet<StayingPut> StayingPutArrangements => Set<StayingPut>();
    public DbSet<CareLeaverDocument> CareLeaverDocuments => Set<CareLeaverDocument>();
    public DbSet<EetPanelDiscussion> EetPanelDiscussions => Set<EetPanelDiscussion>();
    public DbSet<LocalOffer> LocalOffers => Set<LocalOffer>();
}
