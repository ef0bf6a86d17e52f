using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Networks;

internal sealed class PlaceMapping : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Postcode).HasMaxLength(10);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class AssociationMapping : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> b)
    {
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Source).HasMaxLength(200);
        b.Property(a => a.Notes).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Child).WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.OtherPerson).WithMany().HasForeignKey(a => a.OtherPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Place).WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Restrict);
        // A child's network reads links from both ends; the panel reads recent links to known risks.
        b.HasIndex(a => new { a.ChildId, a.StartDate });
        b.HasIndex(a => new { a.OtherPersonId, a.StartDate });
        b.HasIndex(a => new { a.PlaceId, a.StartDate });
        b.HasIndex(a => new { a.StartDate, a.Kind });
    }
}
