/**
 * Flyway Java migrations of cdr-service, in the package Flyway scans beside the SQL files of
 * {@code db/migration}: steps that differ between PostgreSQL and the embedded H2 (day partitioning). One migration
 * chain for both databases; not application code.
 */
package db.migration;
