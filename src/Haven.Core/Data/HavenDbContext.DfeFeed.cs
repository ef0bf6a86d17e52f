using Haven.Core.Returns.DfeFeed;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<DfeFeedSubmission> DfeFeedSubmissions => Set<DfeFeedSubmission>();
    public DbSet<DfeFeedSend> DfeFeedSends => Set<DfeFeedSend>();
}
