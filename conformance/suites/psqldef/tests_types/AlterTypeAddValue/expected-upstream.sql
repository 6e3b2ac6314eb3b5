ALTER TYPE "public"."eventtype" ADD VALUE 'send_meeting_options';
ALTER TYPE "public"."eventtype" ADD VALUE 'update_reactionslot';
