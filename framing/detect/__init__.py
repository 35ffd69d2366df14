"""Detectors: plain functions from a segmented document to findings."""
