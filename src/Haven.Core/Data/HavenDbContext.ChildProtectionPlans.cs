using Haven.Core.ChildProtection;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<ChildProtectionConference> ChildProtectionConferences => Set<ChildProtectionConference>();
    public DbSet<ConferenceAttendee> ConferenceAttendees => Set<ConferenceAttendee>();
    public DbSet<ChildProtectionPlan> ChildProtectionPlans => Set<ChildProtectionPlan>();
    public DbSet<CoreGroupMember> CoreGroupMembers => Set<CoreGroupMember>();
    public DbSet<CoreGroupMeeting> CoreGroupMeetings => Set<CoreGroupMeeting>();
    public DbSet<ChildProtectionVisit> ChildProtectionVisits => Set<ChildProtectionVisit>();
}
