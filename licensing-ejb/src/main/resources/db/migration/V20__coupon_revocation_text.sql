-- Why a coupon was revoked and by whom are staff's words, typed in Russian as often as not: the coupon
-- table is ASCII (its codes are), so these two columns take the staff's text as utf8mb4, like the
-- audit log and the staff users they come from. Rebuilding the table is a copy of it: run it when
-- minting is quiet.
ALTER TABLE coupon
    MODIFY revoked_by    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
    MODIFY revoke_reason VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
