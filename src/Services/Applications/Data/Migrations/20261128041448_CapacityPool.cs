using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CreditPower.Applications.Data.Migrations
{
    /// <inheritdoc />
    public partial class CapacityPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "capacity_pools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Allocated = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_pools", x => x.Id);
                    table.CheckConstraint("ck_capacity_pools_allocated_within_total", "\"Allocated\" >= 0 AND \"Allocated\" <= \"Total\"");
                });

            migrationBuilder.CreateTable(
                name: "capacity_ledger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    PoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TotalAfter = table.Column<int>(type: "integer", nullable: false),
                    AllocatedAfter = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_ledger", x => x.Id);
                    table.CheckConstraint("ck_capacity_ledger_amount_positive", "\"Amount\" > 0");
                    table.ForeignKey(
                        name: "FK_capacity_ledger_capacity_pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "capacity_pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AllocatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_requests", x => x.Id);
                    table.CheckConstraint("ck_capacity_requests_amount_positive", "\"Amount\" > 0");
                    table.CheckConstraint("ck_capacity_requests_held_within_amount", "\"Held\" >= 0 AND \"Held\" <= \"Amount\"");
                    table.ForeignKey(
                        name: "FK_capacity_requests_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capacity_requests_capacity_pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "capacity_pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_capacity_ledger_ApplicationId",
                table: "capacity_ledger",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_ledger_PoolId_Id",
                table: "capacity_ledger",
                columns: new[] { "PoolId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_capacity_pools_Name",
                table: "capacity_pools",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_capacity_requests_ApplicationId",
                table: "capacity_requests",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_requests_PoolId_ApplicationId",
                table: "capacity_requests",
                columns: new[] { "PoolId", "ApplicationId" },
                unique: true,
                filter: "\"Status\" <> 'Ended'");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_requests_PoolId_Status",
                table: "capacity_requests",
                columns: new[] { "PoolId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_ledger");

            migrationBuilder.DropTable(
                name: "capacity_requests");

            migrationBuilder.DropTable(
                name: "capacity_pools");
        }
    }
}
