// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IStreamingIndicator.hpp"

#include <cstdint>

namespace cw::indicators {

/// The update/updateLast bookkeeping shared by the streaming indicators: the state holds the
/// final bars only, and the forming (last) bar is evaluated from it on every change, so any
/// number of revisions leaves no trace and cannot drift.
///
/// Subclasses implement `commit` (bar `index` became final: fold it into the state) and
/// `evaluate` (compute the outputs as if bar `index` were appended to the state, without
/// changing it). Bars are indexed from 0 in arrival order, as in the batch kernels.
/// Thread: whichever thread owns the object; not thread-safe.
class FormingBarStream : public IStreamingIndicator {
public:
    void update(const OhlcvRow& bar) final {
        if (m_hasForming) {
            commit(m_count, m_forming);
            ++m_count;
        }
        m_forming = bar;
        m_hasForming = true;
        evaluate(m_count, m_forming);
    }
    void updateLast(const OhlcvRow& bar) final {
        if (!m_hasForming) {
            update(bar);
            return;
        }
        m_forming = bar;
        evaluate(m_count, m_forming);
    }
    void reset() final {
        m_count = 0;
        m_hasForming = false;
        clear();
    }

protected:
    virtual void commit(std::int64_t index, const OhlcvRow& bar) = 0;
    virtual void evaluate(std::int64_t index, const OhlcvRow& bar) = 0;
    /// Back to the state after construction (outputs NaN).
    virtual void clear() = 0;

private:
    OhlcvRow m_forming;
    std::int64_t m_count = 0; ///< final bars so far; the forming bar has this index
    bool m_hasForming = false;
};

} // namespace cw::indicators
