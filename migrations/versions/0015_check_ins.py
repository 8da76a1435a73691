"""check-ins at 30, 60 and 90 days: action reports, new stories, reminder addresses;
the workshop a next cycle follows

Revision ID: 0015_check_ins
Revises: 0014_time_zone
Create Date: 2026-12-02 04:20:13.728198

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015_check_ins'
down_revision = '0014_time_zone'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=80), nullable=False),
    sa.Column('planned_for', sa.Date(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('invitations_sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_check_in_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in')),
    sa.UniqueConstraint('workshop_id', 'number', name=op.f('uq_check_in_workshop_id_number'))
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('check_in_story',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_in_id', sa.Integer(), nullable=False),
    sa.Column('headline', sa.String(length=200), nullable=False),
    sa.Column('story', sa.Text(), nullable=False),
    sa.Column('consent', sa.String(length=10), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['check_in_id'], ['check_in.id'], name=op.f('fk_check_in_story_check_in_id_check_in'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_check_in_story_participant_id_participant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_check_in_story_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in_story')),
    sa.UniqueConstraint('workshop_id', 'client_id', name=op.f('uq_check_in_story_workshop_id_client_id'))
    )
    with op.batch_alter_table('check_in_story', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_story_check_in_id'), ['check_in_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_in_story_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('reminder_address',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('consented_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_reminder_address_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_reminder_address_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_address')),
    sa.UniqueConstraint('participant_id', name=op.f('uq_reminder_address_participant_id'))
    )
    with op.batch_alter_table('reminder_address', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_address_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('action_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_in_id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('progress', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('would_help', sa.Text(), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_action_report_action_id_action'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['check_in_id'], ['check_in.id'], name=op.f('fk_action_report_check_in_id_check_in'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_action_report_participant_id_participant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_action_report_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_report')),
    sa.UniqueConstraint('workshop_id', 'client_id', name=op.f('uq_action_report_workshop_id_client_id'))
    )
    with op.batch_alter_table('action_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_report_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_report_check_in_id'), ['check_in_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_report_workshop_id'), ['workshop_id'], unique=False)

    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follows_workshop_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_workshop_follows_workshop_id_workshop'), 'workshop', ['follows_workshop_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_workshop_follows_workshop_id_workshop'), type_='foreignkey')
        batch_op.drop_column('follows_workshop_id')

    with op.batch_alter_table('action_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_report_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_action_report_check_in_id'))
        batch_op.drop_index(batch_op.f('ix_action_report_action_id'))

    op.drop_table('action_report')
    with op.batch_alter_table('reminder_address', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_address_workshop_id'))

    op.drop_table('reminder_address')
    with op.batch_alter_table('check_in_story', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_story_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_check_in_story_check_in_id'))

    op.drop_table('check_in_story')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_workshop_id'))

    op.drop_table('check_in')
