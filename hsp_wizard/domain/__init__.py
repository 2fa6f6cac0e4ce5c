"""The domain: project model, scoring, residence, eligibility. Imports no Qt."""
