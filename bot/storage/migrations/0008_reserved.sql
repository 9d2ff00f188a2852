-- Reserved for a migration of another branch (detect, community, …): the lead renumbers at merge
-- and this placeholder goes. It changes nothing.
SELECT 1;
