package org.videogov.storage.evidence;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;

/**
 * Flow control for ExportPackage's stream. Quarkus subscribes to a server stream's {@code Multi}
 * with unbounded demand, so the transport's readiness is the only back-pressure there is: this
 * interceptor hands the call's readiness ({@link ServerCall#isReady()} and {@code onReady}) to the
 * export through the gRPC context, and the export waits while the peer is not ready for more, so that
 * a slow reader never makes the service hold more than a few chunks of a package.
 */
@ApplicationScoped
@GlobalInterceptor
public class CallReadiness implements ServerInterceptor {

    static final Context.Key<Readiness> KEY = Context.key("videogov-export-readiness");

    /** One call's readiness. */
    public static final class Readiness {
        private final ServerCall<?, ?> call;
        private boolean cancelled;

        Readiness(ServerCall<?, ?> call) {
            this.call = call;
        }

        synchronized void changed() {
            notifyAll();
        }

        synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }

        /**
         * Waits until the transport takes more (or the call ended); the wait re-checks every 200 ms
         * so that a missed {@code onReady} never stalls an export.
         */
        synchronized void awaitReady() throws InterruptedException {
            while (!cancelled && !call.isReady()) {
                wait(200);
            }
        }
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        if (!ObjectStorageGrpc.getExportPackageMethod().getFullMethodName()
                .equals(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        Readiness readiness = new Readiness(call);
        ServerCall.Listener<Q> listener = Contexts.interceptCall(Context.current().withValue(KEY, readiness), call,
                headers, next);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onReady() {
                readiness.changed();
                super.onReady();
            }

            @Override
            public void onCancel() {
                readiness.cancel();
                super.onCancel();
            }

            @Override
            public void onComplete() {
                readiness.cancel();
                super.onComplete();
            }
        };
    }
}
