// SignalWatch, a lazy native class of the net extension: a signal the
// runtime watches for its own streams (SIGWINCH for tty.WriteStream's
// 'resize'). Included by net.cc.
#ifndef TOYSNAP_RUNTIME_NODE_SIGNAL_WATCH_H_
#define TOYSNAP_RUNTIME_NODE_SIGNAL_WATCH_H_

#include "runtime/native_classes.h"

namespace toysnap::node {

const NativeClass& SignalWatchClass();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_SIGNAL_WATCH_H_
