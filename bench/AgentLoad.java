import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent (async-profiler) into a running JVM with its options intact: jcmd's JVMTI.agent_load
 * splits them at '='. Usage: java bench/AgentLoad.java PID LIBRARY OPTIONS (bench/code-flow.sh's PROFILER).
 */
public class AgentLoad {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
