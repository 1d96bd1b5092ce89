// What a user can tell the readers (newsindex index and parse options).
#pragma once

#include "ingest/article_finish.h"
#include "ingest/text_layout.h"

namespace newsarchive {

struct ReadOptions {
  TextLayout layout = TextLayout::kAuto;  // --layout: plain-text files only
  FinishOptions finish;                   // --date-from
};

}  // namespace newsarchive
