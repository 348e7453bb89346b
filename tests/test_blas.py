import numpy as np

from newsprism import blas


def test_one_thread_limits_blas_inside_and_restores_the_count_after():
    before = blas.threads()
    with blas.one_thread():
        assert blas.threads() == 1
        a = np.arange(12.0).reshape(3, 4)
        assert (a @ a.T)[0, 0] == 14.0
    assert blas.threads() == before


def test_one_thread_restores_the_count_when_the_body_raises():
    before = blas.threads()
    try:
        with blas.one_thread():
            raise ValueError("boom")
    except ValueError:
        pass
    assert blas.threads() == before
