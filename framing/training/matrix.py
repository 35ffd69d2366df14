"""Binary feature matrices for the linear models ``framing train`` fits.

Both learned taggers (attribution cues, name kinds) describe each example by a list of
feature names; scikit-learn wants a sparse matrix. Features seen on fewer than
``min_count`` examples are dropped (they can only memorise), and the column order is the
sorted feature names, so training is reproducible byte for byte.
"""
from __future__ import annotations

from collections import Counter


def binary_matrix(feature_lists: list[list[str]], min_count: int):
    """(CSR matrix of 0/1, the feature name of each column)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    counts = Counter(name for features in feature_lists for name in set(features))
    vocabulary = sorted(name for name, count in counts.items() if count >= min_count)
    column = {name: index for index, name in enumerate(vocabulary)}
    rows, columns = [], []
    for number, features in enumerate(feature_lists):
        for name in sorted(set(features)):
            if name in column:
                rows.append(number)
                columns.append(column[name])
    matrix = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(feature_lists), len(vocabulary)), dtype=np.float64)
    return matrix, vocabulary
